package com.omnis.customers.dynamo;

import com.omnis.customers.domain.PrivacyRequest;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.customer.CustomerItems;
import com.omnis.shared.domain.CustomerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of privacy requests in the customer's partition: {@code PRIVACY#<requestId>} (ids, dates,
 * states, the parts erased: no personal data, so it outlives an erasure) and the export's document in
 * chunks {@code EXPORT#<requestId>#<nnnn>} under DynamoDB's item size, removed by the table's TTL.
 */
final class PrivacyItems {

    static final String REQUEST_ID = "requestId";
    static final String TYPE = "type";
    static final String STATE = "state";
    static final String REQUESTED_AT = "requestedAt";
    static final String WAITING_FOR = "waitingFor";
    static final String WAIT_UNTIL = "waitUntil";
    static final String PARTS_DONE = "partsDone";
    static final String COMPLETED_AT = "completedAt";
    static final String DOCUMENT_CHUNKS = "documentChunks";
    static final String DOCUMENT_EXPIRES_AT = "documentExpiresAt";
    static final String CHUNK = "chunk";
    static final String ORDER_ID = "orderId";
    static final String ORDER_NUMBER = "orderNumber";
    static final String REASON = "reason";
    static final String UNTIL = "until";
    /** Sparse index {@link #BY_RETRY}: only a waiting erasure carries these, so the schedule finds what to look at again. */
    static final String BY_RETRY = "byRetry";
    static final String RETRY_BUCKET = "retryBucket";
    static final String RETRY_AT = "retryAt";
    static final String WAITING_ERASURES = "erasure-waiting";

    /** Characters per chunk: at 4 bytes a character at worst, well under the 400 KB item limit. */
    static final int CHUNK_CHARS = 90_000;

    private PrivacyItems() {
    }

    static String requestItem(String requestId) {
        return CustomerItems.PRIVACY_PREFIX + requestId;
    }

    static String chunkItem(String requestId, int index) {
        return CustomerItems.EXPORT_PREFIX + requestId + "#" + String.format("%04d", index);
    }

    static Map<String, AttributeValue> toItem(PrivacyRequest r) {
        Map<String, AttributeValue> item = new HashMap<>(CustomerItems.key(r.customerId(), requestItem(r.requestId())));
        item.put(REQUEST_ID, s(r.requestId()));
        item.put(TYPE, s(r.type().code()));
        item.put(STATE, s(r.state().code()));
        item.put(CustomerItems.ACTOR_KIND, s(r.requestedBy().kind().code()));
        item.put(CustomerItems.ACTOR_ID, s(r.requestedBy().id()));
        item.put(REQUESTED_AT, s(r.requestedAt().toString()));
        item.put(CustomerItems.UPDATED_AT, s(r.updatedAt().toString()));
        List<AttributeValue> blockers = new ArrayList<>();
        for (PrivacyRequest.Blocker b : r.waitingFor()) {
            Map<String, AttributeValue> m = new HashMap<>();
            m.put(REASON, s(b.reason()));
            if (b.orderId() != null) {
                m.put(ORDER_ID, s(b.orderId()));
            }
            if (b.orderNumber() != null) {
                m.put(ORDER_NUMBER, s(b.orderNumber()));
            }
            if (b.until() != null) {
                m.put(UNTIL, s(b.until().toString()));
            }
            blockers.add(AttributeValue.fromM(m));
        }
        item.put(WAITING_FOR, AttributeValue.fromL(blockers));
        if (r.waitUntil() != null) {
            item.put(WAIT_UNTIL, s(r.waitUntil().toString()));
        }
        r.retryAt().ifPresent(at -> {
            item.put(RETRY_BUCKET, s(WAITING_ERASURES));
            item.put(RETRY_AT, s(at.toString()));
        });
        if (!r.partsDone().isEmpty()) {
            item.put(PARTS_DONE, AttributeValue.fromSs(List.copyOf(r.partsDone())));
        }
        if (r.completedAt() != null) {
            item.put(COMPLETED_AT, s(r.completedAt().toString()));
        }
        item.put(DOCUMENT_CHUNKS, AttributeValue.fromN(Integer.toString(r.documentChunks())));
        if (r.documentExpiresAt() != null) {
            item.put(DOCUMENT_EXPIRES_AT, s(r.documentExpiresAt().toString()));
        }
        return item;
    }

    static PrivacyRequest fromItem(Map<String, AttributeValue> item) {
        List<PrivacyRequest.Blocker> blockers = new ArrayList<>();
        AttributeValue stored = item.get(WAITING_FOR);
        if (stored != null && stored.hasL()) {
            stored.l().forEach(b -> blockers.add(new PrivacyRequest.Blocker(text(b.m(), ORDER_ID),
                    text(b.m(), ORDER_NUMBER), b.m().get(REASON).s(), instant(b.m(), UNTIL))));
        }
        AttributeValue parts = item.get(PARTS_DONE);
        return new PrivacyRequest(item.get(REQUEST_ID).s(), CustomerId.of(item.get(CustomerItems.CUSTOMER_ID).s()),
                PrivacyRequest.Type.of(item.get(TYPE).s()), PrivacyRequest.State.of(item.get(STATE).s()),
                new Actor(Actor.Kind.of(item.get(CustomerItems.ACTOR_KIND).s()), item.get(CustomerItems.ACTOR_ID).s()),
                instant(item, REQUESTED_AT), instant(item, CustomerItems.UPDATED_AT), blockers, instant(item, WAIT_UNTIL),
                parts == null || !parts.hasSs() ? Set.of() : Set.copyOf(parts.ss()), instant(item, COMPLETED_AT),
                item.containsKey(DOCUMENT_CHUNKS) ? Integer.parseInt(item.get(DOCUMENT_CHUNKS).n()) : 0,
                instant(item, DOCUMENT_EXPIRES_AT));
    }

    static Map<String, AttributeValue> chunkToItem(CustomerId customer, String requestId, int index, String text,
                                                   Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(CustomerItems.key(customer, chunkItem(requestId, index)));
        item.put(CHUNK, s(text));
        item.put(CustomerItems.EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        return item;
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? null : Instant.parse(value.s());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

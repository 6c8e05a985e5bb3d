package com.omnis.customers.dynamo;

import com.omnis.customers.domain.PrivacyRequest;
import com.omnis.customers.service.PrivacyStore;
import com.omnis.shared.customer.CustomerItems;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.dynamo.StaleWriteException;
import com.omnis.shared.dynamo.Transaction;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import com.omnis.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** {@link PrivacyStore} on the customer's partition of {@code CUSTOMERS_TABLE} (layout: {@link PrivacyItems}). */
public final class DynamoPrivacyStore implements PrivacyStore {

    private static final String NEW_OR_WAITING = "attribute_not_exists(#c) OR #state = :waiting";
    private static final int BATCH = 25;

    private final DynamoDbClient dynamo;
    private final String table;
    private final String outbox;
    private final Transaction transaction;

    public DynamoPrivacyStore(DynamoDbClient dynamo, String table, String outbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.transaction = new Transaction(dynamo);
    }

    @Override
    public Optional<PrivacyRequest> request(CustomerId customer, String requestId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(CustomerItems.key(customer, PrivacyItems.requestItem(requestId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PrivacyItems.fromItem(item));
    }

    @Override
    public List<PrivacyRequest> requests(CustomerId customer) {
        List<PrivacyRequest> requests = new ArrayList<>();
        partition(customer, CustomerItems.PRIVACY_PREFIX).forEach(item -> requests.add(PrivacyItems.fromItem(item)));
        requests.sort(Comparator.comparing(PrivacyRequest::requestedAt).reversed());
        return requests;
    }

    @Override
    public void saveExport(PrivacyRequest request, String document) {
        int chunks = 0;
        for (int start = 0; start < document.length(); start += PrivacyItems.CHUNK_CHARS) {
            String text = document.substring(start, Math.min(document.length(), start + PrivacyItems.CHUNK_CHARS));
            int index = chunks++;
            dynamo.putItem(b -> b.tableName(table).item(PrivacyItems.chunkToItem(request.customerId(),
                    request.requestId(), index, text, request.documentExpiresAt())));
        }
        // the request last: a ready export always has its whole document
        PrivacyRequest ready = new PrivacyRequest(request.requestId(), request.customerId(), request.type(),
                request.state(), request.requestedBy(), request.requestedAt(), request.updatedAt(), List.of(), null,
                null, request.completedAt(), chunks, request.documentExpiresAt());
        dynamo.putItem(b -> b.tableName(table).item(PrivacyItems.toItem(ready)));
    }

    @Override
    public Optional<String> document(PrivacyRequest request) {
        List<Map<String, AttributeValue>> chunks = partition(request.customerId(),
                CustomerItems.EXPORT_PREFIX + request.requestId() + "#");
        if (chunks.size() != request.documentChunks() || chunks.isEmpty()) {
            return Optional.empty();   // expired (TTL) or erased
        }
        StringBuilder document = new StringBuilder();
        chunks.forEach(chunk -> document.append(chunk.get(PrivacyItems.CHUNK).s()));
        return Optional.of(document.toString());
    }

    @Override
    public void saveWaiting(PrivacyRequest request) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(PrivacyItems.toItem(request)).conditionExpression(NEW_OR_WAITING)
                    .expressionAttributeNames(Map.of("#c", CustomerItems.CUSTOMER_ID, "#state", PrivacyItems.STATE))
                    .expressionAttributeValues(Map.of(":waiting", AttributeValue.fromS(PrivacyRequest.State.WAITING.code()))));
        } catch (ConditionalCheckFailedException approved) {
            throw new StaleWriteException("the erasure " + request.requestId() + " went ahead meanwhile");
        }
    }

    @Override
    public List<PrivacyRequest> dueErasures(Instant now, int limit) {
        return dynamo.query(b -> b.tableName(table).indexName(PrivacyItems.BY_RETRY).limit(limit)
                        .keyConditionExpression("#bucket = :bucket AND #at <= :now")
                        .expressionAttributeNames(Map.of("#bucket", PrivacyItems.RETRY_BUCKET, "#at", PrivacyItems.RETRY_AT))
                        .expressionAttributeValues(Map.of(":bucket", AttributeValue.fromS(PrivacyItems.WAITING_ERASURES),
                                ":now", AttributeValue.fromS(now.toString()))))
                .items().stream().map(PrivacyItems::fromItem).toList();
    }

    @Override
    public void approve(PrivacyRequest erasing, DomainEvent approved) {
        Put request = Put.builder().tableName(table).item(PrivacyItems.toItem(erasing)).conditionExpression(NEW_OR_WAITING)
                .expressionAttributeNames(Map.of("#c", CustomerItems.CUSTOMER_ID, "#state", PrivacyItems.STATE))
                .expressionAttributeValues(Map.of(":waiting", AttributeValue.fromS(PrivacyRequest.State.WAITING.code())))
                .build();
        TransactionPart change = TransactionPart.of(List.of(TransactWriteItem.builder().put(request).build()),
                reasons -> new StaleWriteException("the erasure " + erasing.requestId() + " went ahead meanwhile"));
        TransactionPart append = TransactionPart.unconditional(List.of(TransactWriteItem.builder().put(Put.builder()
                .tableName(outbox).item(OutboxRecord.of(List.of(approved), approved.occurredAt()).toItem()).build()).build()));
        transaction.write(List.of(change, append));
    }

    @Override
    public int eraseCustomerData(CustomerId customer) {
        // the marker first: from now on no event about this customer is projected into the partition
        dynamo.putItem(b -> b.tableName(table).item(Map.of(CustomerItems.CUSTOMER_ID, AttributeValue.fromS(customer.value()),
                CustomerItems.ITEM, AttributeValue.fromS(CustomerItems.ERASED))));
        List<WriteRequest> deletes = new ArrayList<>();
        for (Map<String, AttributeValue> item : partition(customer, "")) {
            String kind = item.get(CustomerItems.ITEM).s();
            if (!kind.startsWith(CustomerItems.PRIVACY_PREFIX) && !kind.equals(CustomerItems.ERASED)) {
                deletes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                        .key(CustomerItems.key(customer, kind)).build()).build());
            }
        }
        for (int start = 0; start < deletes.size(); start += BATCH) {
            write(deletes.subList(start, Math.min(deletes.size(), start + BATCH)));
        }
        return deletes.size();
    }

    /** One batch, its unprocessed items sent again (throttling) until none is left. */
    private void write(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        for (int attempt = 0; !pending.isEmpty() && !pending.getOrDefault(table, List.of()).isEmpty(); attempt++) {
            if (attempt > 0) {
                sleep(Math.min(1000, 20L << Math.min(attempt, 6)));
            }
            Map<String, List<WriteRequest>> sending = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(sending));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    @Override
    public Optional<PrivacyRequest> partDone(CustomerId customer, String requestId, String part, Instant at) {
        Map<String, AttributeValue> key = CustomerItems.key(customer, PrivacyItems.requestItem(requestId));
        Map<String, AttributeValue> after;
        try {
            after = dynamo.updateItem(b -> b.tableName(table).key(key)
                    .updateExpression("ADD #parts :part SET #updated = :at")
                    .conditionExpression("attribute_exists(#c) AND #type = :erasure")
                    .expressionAttributeNames(Map.of("#parts", PrivacyItems.PARTS_DONE, "#updated", CustomerItems.UPDATED_AT,
                            "#c", CustomerItems.CUSTOMER_ID, "#type", PrivacyItems.TYPE))
                    .expressionAttributeValues(Map.of(":part", AttributeValue.fromSs(List.of(part)),
                            ":at", AttributeValue.fromS(at.toString()),
                            ":erasure", AttributeValue.fromS(PrivacyRequest.Type.ERASURE.code())))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
        } catch (ConditionalCheckFailedException noSuchErasure) {
            return Optional.empty();
        }
        PrivacyRequest request = PrivacyItems.fromItem(after);
        if (request.state() == PrivacyRequest.State.ERASING && request.partsDone().containsAll(PrivacyRequest.ERASURE_PARTS)) {
            try {
                after = dynamo.updateItem(b -> b.tableName(table).key(key)
                        .updateExpression("SET #state = :completed, #completedAt = :at")
                        .conditionExpression("#state = :erasing")
                        .expressionAttributeNames(Map.of("#state", PrivacyItems.STATE, "#completedAt", PrivacyItems.COMPLETED_AT))
                        .expressionAttributeValues(Map.of(":completed", AttributeValue.fromS(PrivacyRequest.State.COMPLETED.code()),
                                ":erasing", AttributeValue.fromS(PrivacyRequest.State.ERASING.code()),
                                ":at", AttributeValue.fromS(at.toString())))
                        .returnValues(ReturnValue.ALL_NEW)).attributes();
                request = PrivacyItems.fromItem(after);
            } catch (ConditionalCheckFailedException completedMeanwhile) {
                return request(customer, requestId);
            }
        }
        return Optional.of(request);
    }

    @Override
    public Map<String, List<Object>> sections(CustomerId customer) {
        Map<String, List<Object>> sections = new LinkedHashMap<>();
        for (String name : List.of("profile", "consentLedger", "savedItems", "timeline", "interactions", "viewedBy",
                "privacyRequests", "other")) {
            sections.put(name, new ArrayList<>());
        }
        for (Map<String, AttributeValue> item : partition(customer, "")) {
            String kind = item.get(CustomerItems.ITEM).s();
            if (kind.equals(CustomerItems.PROFILE)) {
                sections.get("profile").add(CustomerItems.profileFromItem(item));
            } else if (kind.startsWith(CustomerItems.LEDGER_PREFIX)) {
                sections.get("consentLedger").add(CustomerItems.consentFromItem(item));
            } else if (kind.startsWith(CustomerItems.SAVED_PREFIX)) {
                sections.get("savedItems").add(CustomerItems.savedFromItem(item));
            } else if (kind.startsWith(CustomerItems.TIMELINE_PREFIX)) {
                sections.get("timeline").add(ActivityItems.timelineFromItem(item));
            } else if (kind.startsWith(CustomerItems.INTERACTION_PREFIX)) {
                sections.get("interactions").add(ActivityItems.interactionFromItem(item));
            } else if (kind.startsWith(CustomerItems.VIEWED_PREFIX)) {
                sections.get("viewedBy").add(ActivityItems.viewFromItem(item));
            } else if (kind.startsWith(CustomerItems.PRIVACY_PREFIX)) {
                sections.get("privacyRequests").add(PrivacyItems.fromItem(item));
            } else if (!kind.equals(CustomerItems.CONSENTS) && !kind.startsWith(CustomerItems.EXPORT_PREFIX)
                    && !kind.equals(CustomerItems.DATA_KEY)) {
                // CONSENTS is the ledger's last statements (already there); earlier exports are not re-exported;
                // the data key is no data about the person (a wrapped key, useless outside KMS)
                sections.get("other").add(raw(item));
            }
        }
        return sections;
    }

    private static Object raw(Map<String, AttributeValue> item) {
        try {
            return Json.MAPPER.readTree(EnhancedDocument.fromAttributeValueMap(item).toJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every item of the partition whose sort key starts with {@code prefix}, in key order, every page read. */
    private List<Map<String, AttributeValue>> partition(CustomerId customer, String prefix) {
        Map<String, String> names = new HashMap<>(Map.of("#c", CustomerItems.CUSTOMER_ID));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":c", AttributeValue.fromS(customer.value())));
        String condition = "#c = :c";
        if (!prefix.isEmpty()) {
            names.put("#i", CustomerItems.ITEM);
            values.put(":p", AttributeValue.fromS(prefix));
            condition += " AND begins_with(#i, :p)";
        }
        String keyCondition = condition;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true).keyConditionExpression(keyCondition)
                .expressionAttributeNames(names).expressionAttributeValues(values)).items().forEach(items::add);
        return items;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while erasing", e);
        }
    }
}

package com.omnis.notifications.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.omnis.notifications.domain.ClaimKey;
import com.omnis.notifications.domain.Decision;
import com.omnis.notifications.domain.Delivery;
import com.omnis.notifications.domain.MessageChannel;
import com.omnis.notifications.domain.MessageKind;
import com.omnis.notifications.domain.MessageRequest;
import com.omnis.notifications.domain.OpeningHours;
import com.omnis.notifications.domain.OrderSummary;
import com.omnis.shared.domain.Money;
import com.omnis.shared.json.Json;
import com.omnis.shared.message.MessageLayout;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How notifications lays out {@code MESSAGES_TABLE} (key {@code pk}, {@code sk}; sparse index {@code byDue}
 * on {@code dueBucket}, {@code notBefore}; sparse index {@code byCustomer} on {@code customerId}, keys only,
 * for an erasure; TTL {@code expiresAt}). The log lines' names, read by {@code shared.message}, are
 * {@link MessageLayout}'s:
 * <pre>
 * pk=CLAIM#&lt;event&gt;#&lt;kind&gt;#&lt;channel&gt;#&lt;customer&gt;  sk=CLAIM     state, at, expiresAt, customerId   one per message (exactly once)
 * pk=CLAIM#…                                  sk=DEFERRED  dueBucket=due, notBefore, request, channel, customerId   a deferred message
 * pk=CUSTOMER#&lt;customer&gt;  sk=LOG#&lt;at&gt;#&lt;hash&gt;  kind, purpose, channel, outcome, reason, eventId, eventType, notBefore?,
 *                                               subject?, reference?
 * pk=SUPPRESS#&lt;sha-256 of the address&gt;  sk=SUPPRESS  reason, at          (no address in clear in the table)
 * pk=SUPPRESS#&lt;ContactHash&gt;  sk=OPTOUT  reason=marketing-withdrawn, channel, at   an erased customer's opt-out
 * pk=CAP#&lt;customer&gt;  sk=CAP  day                                    the day of the last marketing message
 * pk=ORDER#&lt;order&gt;  sk=ORDER  summary (JSON), expiresAt, customerId?  what OrderPlaced said
 * </pre>
 * Items written before {@code customerId} was kept on claims are found by an erasure from their log lines
 * (event, kind and channel name the claim); order summaries of that time are left to their TTL.
 */
public final class MessageItems {

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String BY_DUE = "byDue";
    public static final String DUE_BUCKET = "dueBucket";
    public static final String NOT_BEFORE = "notBefore";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String BY_CUSTOMER = "byCustomer";
    /** The owner of a claim, a deferred message or an order summary: the partition of {@link #BY_CUSTOMER}. */
    public static final String CUSTOMER_ID = "customerId";

    static final String STATE = "state";
    static final String AT = MessageLayout.AT;
    static final String REQUEST = "request";
    static final String CHANNEL = MessageLayout.CHANNEL;
    static final String KIND = MessageLayout.KIND;
    static final String PURPOSE = MessageLayout.PURPOSE;
    static final String OUTCOME = MessageLayout.OUTCOME;
    static final String REASON = MessageLayout.REASON;
    static final String EVENT_ID = MessageLayout.EVENT_ID;
    static final String EVENT_TYPE = MessageLayout.EVENT_TYPE;
    static final String SUBJECT = MessageLayout.SUBJECT;
    static final String REFERENCE = MessageLayout.REFERENCE;
    static final String DAY = "day";
    static final String SUMMARY = "summary";

    static final String CLAIM = "CLAIM";
    static final String DEFERRED = "DEFERRED";
    static final String DUE = "due";
    static final String LOG_PREFIX = MessageLayout.LOG_PREFIX;
    static final String SUPPRESS = "SUPPRESS";
    static final String OPT_OUT = "OPTOUT";
    static final String CAP = "CAP";
    static final String ORDER = "ORDER";

    /** Claims outlive any redelivery (EventBridge retries for 24 h at most) and the deferrals of a long weekend. */
    static final Duration CLAIM_RETENTION = Duration.ofDays(90);
    static final Duration ORDER_RETENTION = Duration.ofDays(400);

    /** The key and index this layout expects of its table (checked against template.yaml by TemplateContractTest). */
    public static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), PK, AttributeValueType.S)
            .addIndexSortKey(TableMetadata.primaryIndexName(), SK, AttributeValueType.S)
            .addIndexPartitionKey(BY_DUE, DUE_BUCKET, AttributeValueType.S)
            .addIndexSortKey(BY_DUE, NOT_BEFORE, AttributeValueType.S)
            .addIndexPartitionKey(BY_CUSTOMER, CUSTOMER_ID, AttributeValueType.S)
            .build();

    private MessageItems() {
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    static Map<String, AttributeValue> claimKey(ClaimKey key) {
        return key("CLAIM#" + key.value(), CLAIM);
    }

    static Map<String, AttributeValue> deferredKey(ClaimKey key) {
        return key("CLAIM#" + key.value(), DEFERRED);
    }

    /** The claim's partition named by a log line (its event, kind, channel), whatever kinds this deploy knows. */
    static Optional<String> claimPkOf(Map<String, AttributeValue> logLine, String customerId) {
        AttributeValue event = logLine.get(EVENT_ID);
        AttributeValue kind = logLine.get(KIND);
        AttributeValue channel = logLine.get(CHANNEL);
        if (event == null || kind == null || channel == null) {
            return Optional.empty();
        }
        return Optional.of("CLAIM#" + event.s() + "#" + kind.s() + "#" + channel.s() + "#" + customerId);
    }

    static Map<String, AttributeValue> suppressionKey(String normalisedAddress) {
        return key("SUPPRESS#" + sha256(normalisedAddress), SUPPRESS);
    }

    /** Where an erasure keeps an opt-out: under the contact's {@code ContactHash}, beside (not over) a suppression. */
    static Map<String, AttributeValue> optOutKey(String contactHash) {
        return key("SUPPRESS#" + contactHash, OPT_OUT);
    }

    static Map<String, AttributeValue> capKey(String customerId) {
        return key("CAP#" + customerId, CAP);
    }

    static Map<String, AttributeValue> orderKey(String orderId) {
        return key("ORDER#" + orderId, ORDER);
    }

    static String customerPk(String customerId) {
        return MessageLayout.customerPk(customerId);
    }

    static Map<String, AttributeValue> deferred(ClaimKey key, MessageRequest request, MessageChannel channel, Instant notBefore) {
        Map<String, AttributeValue> item = new HashMap<>(deferredKey(key));
        item.put(DUE_BUCKET, s(DUE));
        item.put(NOT_BEFORE, s(notBefore.toString()));
        item.put(CHANNEL, s(channel.code()));
        item.put(REQUEST, s(writeRequest(request)));
        item.put(CUSTOMER_ID, s(key.customerId()));
        item.put(EXPIRES_AT, n(notBefore.plus(CLAIM_RETENTION).getEpochSecond()));
        return item;
    }

    static Map<String, AttributeValue> log(Delivery delivery, ClaimKey key) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(customerPk(delivery.customerId())));
        item.put(SK, s(LOG_PREFIX + delivery.at() + "#" + sha256(key.value()).substring(0, 12)));
        item.put(AT, s(delivery.at().toString()));
        item.put(KIND, s(delivery.kind().code()));
        item.put(PURPOSE, s(delivery.kind().purpose().code()));
        item.put(CHANNEL, s(delivery.channel().code()));
        item.put(OUTCOME, s(delivery.outcome().code()));
        item.put(REASON, s(delivery.reason()));
        item.put(EVENT_ID, s(delivery.eventId()));
        item.put(EVENT_TYPE, s(delivery.eventType()));
        delivery.notBefore().ifPresent(at -> item.put(NOT_BEFORE + "At", s(at.toString())));
        delivery.subject().ifPresent(subject -> item.put(SUBJECT, s(subject)));
        delivery.reference().ifPresent(reference -> item.put(REFERENCE, s(reference)));
        item.put(EXPIRES_AT, n(delivery.at().plus(ORDER_RETENTION).getEpochSecond()));
        return item;
    }

    static Delivery delivery(Map<String, AttributeValue> item) {
        return new Delivery(item.get(PK).s().substring("CUSTOMER#".length()), Instant.parse(item.get(AT).s()),
                MessageKind.of(item.get(KIND).s()), MessageChannel.of(item.get(CHANNEL).s()),
                outcome(item.get(OUTCOME).s()), item.get(REASON).s(), item.get(EVENT_ID).s(), item.get(EVENT_TYPE).s(),
                Optional.ofNullable(item.get(NOT_BEFORE + "At")).map(v -> Instant.parse(v.s())),
                Optional.ofNullable(item.get(SUBJECT)).map(AttributeValue::s),
                Optional.ofNullable(item.get(REFERENCE)).map(AttributeValue::s));
    }

    private static Decision.Outcome outcome(String code) {
        for (Decision.Outcome outcome : Decision.Outcome.values()) {
            if (outcome.code().equals(code)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("no outcome " + code);
    }

    static Map<String, AttributeValue> order(OrderSummary order) {
        Map<String, AttributeValue> item = new HashMap<>(orderKey(order.orderId()));
        item.put(SUMMARY, s(Json.write(order)));
        order.customer().ifPresent(customer -> item.put(CUSTOMER_ID, s(customer)));
        item.put(EXPIRES_AT, n(order.placedAt().plus(ORDER_RETENTION).getEpochSecond()));
        return item;
    }

    static OrderSummary order(Map<String, AttributeValue> item) {
        return Json.read(item.get(SUMMARY).s(), OrderSummary.class);
    }

    // ---- a request kept for later: its model's Money, Instant and OpeningHours values keep their type -----

    static String writeRequest(MessageRequest request) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("eventId", request.eventId());
        node.put("eventType", request.eventType());
        node.put("eventAt", request.eventAt().toString());
        node.put("kind", request.kind().code());
        node.put("customerId", request.customerId());
        if (request.reference() != null) {
            node.put("reference", request.reference());
        }
        node.set("model", encode(request.model()));
        return node.toString();
    }

    static MessageRequest readRequest(String json) {
        JsonNode node = Json.read(json, JsonNode.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> model = (Map<String, Object>) decode(node.path("model"));
        return new MessageRequest(node.path("eventId").asText(), node.path("eventType").asText(),
                Instant.parse(node.path("eventAt").asText()), MessageKind.of(node.path("kind").asText()),
                node.path("customerId").asText(), model, node.path("reference").asText(null));
    }

    private static JsonNode encode(Object value) {
        return switch (value) {
            case Money money -> Json.MAPPER.createObjectNode().set("$money", Json.MAPPER.valueToTree(money));
            case Instant instant -> Json.MAPPER.createObjectNode().put("$instant", instant.toString());
            case OpeningHours hours -> Json.MAPPER.createObjectNode().set("$hours", Json.MAPPER.valueToTree(hours.byDay()));
            case Map<?, ?> map -> {
                ObjectNode object = Json.MAPPER.createObjectNode();
                map.forEach((k, v) -> object.set(String.valueOf(k), encode(v)));
                yield object;
            }
            case List<?> list -> {
                ArrayNode array = Json.MAPPER.createArrayNode();
                list.forEach(v -> array.add(encode(v)));
                yield array;
            }
            case null -> Json.MAPPER.nullNode();
            default -> Json.MAPPER.valueToTree(value);
        };
    }

    private static Object decode(JsonNode node) {
        if (node.isObject()) {
            if (node.has("$money")) {
                return Money.of(node.get("$money").path("amount").asLong(), node.get("$money").path("currency").asText());
            }
            if (node.has("$instant")) {
                return Instant.parse(node.get("$instant").asText());
            }
            if (node.has("$hours")) {
                Map<String, String> byDay = new LinkedHashMap<>();
                node.get("$hours").fields().forEachRemaining(e -> byDay.put(e.getKey(), e.getValue().asText()));
                return new OpeningHours(byDay);
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                map.put(entry.getKey(), decode(entry.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            java.util.ArrayList<Object> list = new java.util.ArrayList<>();
            node.forEach(v -> list.add(decode(v)));
            return list;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.isNull() ? "" : node.asText();
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

package com.omnis.orders.dynamo;

import com.omnis.shared.order.OrderLayout;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.omnis.orders.domain.Fulfilment;
import com.omnis.orders.domain.Order;
import com.omnis.orders.service.FulfilmentEntry;
import com.omnis.orders.service.PendingPayment;
import com.omnis.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one layout of {@code ORDERS_TABLE} (key {@code pk}, {@code sk}). Items:
 * <ul>
 *   <li>{@code order#<id> / order}: the order as a JSON document ({@code doc}), its {@code sequence}
 *       (the optimistic lock), {@code customerKey} + {@code placedKey} for {@link #BY_CUSTOMER} (newest first),
 *       {@code number} for {@link #BY_NUMBER};</li>
 *   <li>{@code order#<id> / fulfilment#<fid>}: a location's work-list entry, {@code fulfilmentLocation} +
 *       {@code fulfilmentKey = <state>#<placedAt>#<orderId>#<fid>} for {@link #BY_LOCATION};</li>
 *   <li>{@code number#OM-… / number}: the number's uniqueness claim;</li>
 *   <li>{@code return#<id> / return}: which order a return belongs to;</li>
 *   <li>{@code payref#<reference> / payref}: the order that holds a payment reference (one order per reference),
 *       and provider events that arrived before it ({@code pending});</li>
 *   <li>{@code payevent#<id> / payevent}: a provider event applied (each once).</li>
 * </ul>
 * Stored documents are read leniently: a field a newer deploy added is ignored by an older reader.
 */
public final class OrderItems {

    static final String PK = OrderLayout.PK;
    static final String SK = OrderLayout.SK;
    static final String DOC = OrderLayout.DOC;
    static final String SEQUENCE = "sequence";
    static final String CUSTOMER_KEY = OrderLayout.CUSTOMER_KEY;
    static final String PLACED_KEY = OrderLayout.PLACED_KEY;
    static final String NUMBER = OrderLayout.NUMBER;
    static final String FULFILMENT_LOCATION = "fulfilmentLocation";
    static final String FULFILMENT_KEY = "fulfilmentKey";
    static final String ORDER_ID = "orderId";
    static final String PENDING = "pending";
    static final String ENTRY = "entry";

    public static final String BY_CUSTOMER = OrderLayout.BY_CUSTOMER;
    public static final String BY_NUMBER = OrderLayout.BY_NUMBER;
    public static final String BY_LOCATION = "byLocation";

    /** The table's keys and indexes, as the template must declare them. */
    public static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), PK, AttributeValueType.S)
            .addIndexSortKey(TableMetadata.primaryIndexName(), SK, AttributeValueType.S)
            .addIndexPartitionKey(BY_CUSTOMER, CUSTOMER_KEY, AttributeValueType.S)
            .addIndexSortKey(BY_CUSTOMER, PLACED_KEY, AttributeValueType.S)
            .addIndexPartitionKey(BY_NUMBER, NUMBER, AttributeValueType.S)
            .addIndexPartitionKey(BY_LOCATION, FULFILMENT_LOCATION, AttributeValueType.S)
            .addIndexSortKey(BY_LOCATION, FULFILMENT_KEY, AttributeValueType.S)
            .build();

    private static final ObjectMapper READER = Json.MAPPER.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private OrderItems() {
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, s(pk), SK, s(sk));
    }

    static Map<String, AttributeValue> orderKey(String orderId) {
        return key("order#" + orderId, "order");
    }

    static Map<String, AttributeValue> numberKey(String number) {
        return key("number#" + number, "number");
    }

    static Map<String, AttributeValue> returnKey(String returnId) {
        return key("return#" + returnId, "return");
    }

    static Map<String, AttributeValue> paymentReferenceKey(String reference) {
        return key("payref#" + reference, "payref");
    }

    static Map<String, AttributeValue> paymentEventKey(String eventId) {
        return key("payevent#" + eventId, "payevent");
    }

    static Map<String, AttributeValue> fulfilmentKey(String orderId, String fulfilmentId) {
        return key("order#" + orderId, "fulfilment#" + fulfilmentId);
    }

    static Map<String, AttributeValue> orderItem(Order order) {
        Map<String, AttributeValue> item = new HashMap<>(orderKey(order.orderId()));
        item.put(DOC, s(Json.write(order)));
        item.put(SEQUENCE, n(order.sequence()));
        item.put(NUMBER, s(order.number()));
        // derived from the fulfilments, stored so that readers without the domain (shared.order) know it
        item.put(OrderLayout.STATUS, s(order.status().code()));
        item.put(PLACED_KEY, s(order.placedAt() + "#" + order.orderId()));
        if (order.customerId() != null) {
            item.put(CUSTOMER_KEY, s(OrderLayout.customerKey(order.customerId())));
        }
        return item;
    }

    static Order order(Map<String, AttributeValue> item) {
        try {
            return READER.readValue(item.get(DOC).s(), Order.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, AttributeValue> fulfilmentItem(Order order, Fulfilment fulfilment) {
        FulfilmentEntry entry = new FulfilmentEntry(order.orderId(), order.number(), fulfilment.fulfilmentId(),
                fulfilment.kind(), fulfilment.locationId(), fulfilment.state(), order.placedAt(), fulfilment.pickupDeadline(),
                fulfilment.lines());
        Map<String, AttributeValue> item = new HashMap<>(fulfilmentKey(order.orderId(), fulfilment.fulfilmentId()));
        item.put(FULFILMENT_LOCATION, s(fulfilment.locationId()));
        // newest first within a state: the sort key carries the inverted placing time
        long inverted = Long.MAX_VALUE - order.placedAt().toEpochMilli();
        item.put(FULFILMENT_KEY, s(fulfilment.state().code() + "#" + String.format("%019d", inverted) + "#"
                + order.orderId() + "#" + fulfilment.fulfilmentId()));
        item.put(ENTRY, s(Json.write(entry)));
        return item;
    }

    static FulfilmentEntry entry(Map<String, AttributeValue> item) {
        try {
            return READER.readValue(item.get(ENTRY).s(), FulfilmentEntry.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, AttributeValue> numberItem(Order order) {
        Map<String, AttributeValue> item = new HashMap<>(numberKey(order.number()));
        item.put(ORDER_ID, s(order.orderId()));
        return item;
    }

    static Map<String, AttributeValue> returnItem(String returnId, String orderId) {
        Map<String, AttributeValue> item = new HashMap<>(returnKey(returnId));
        item.put(ORDER_ID, s(orderId));
        return item;
    }

    static Map<String, AttributeValue> paymentEventItem(String eventId, String orderId, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(paymentEventKey(eventId));
        item.put(ORDER_ID, s(orderId));
        item.put("appliedAt", s(at.toString()));
        return item;
    }

    static AttributeValue pending(PendingPayment payment) {
        return AttributeValue.fromM(Map.of("eventId", s(payment.eventId()), "status", s(payment.status().code()),
                "receivedAt", s(payment.receivedAt().toString())));
    }

    static List<PendingPayment> pending(Map<String, AttributeValue> item) {
        AttributeValue pending = item.get(PENDING);
        if (pending == null || !pending.hasM()) {
            return List.of();
        }
        return pending.m().values().stream().map(v -> new PendingPayment(v.m().get("eventId").s(),
                com.omnis.orders.domain.PaymentStatus.parse(v.m().get("status").s()),
                Instant.parse(v.m().get("receivedAt").s()))).toList();
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

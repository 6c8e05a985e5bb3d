package com.omnis.orders.dynamo;

import com.omnis.orders.domain.Fulfilment;
import com.omnis.orders.domain.FulfilmentState;
import com.omnis.orders.domain.Order;
import com.omnis.orders.domain.OrderNumber;
import com.omnis.orders.service.FulfilmentEntry;
import com.omnis.orders.service.OrderStore;
import com.omnis.orders.service.PendingPayment;
import com.omnis.orders.service.Placement;
import com.omnis.shared.dynamo.Cursor;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.dynamo.StaleWriteException;
import com.omnis.shared.dynamo.Transaction;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.error.RuleViolationException;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Orders in DynamoDB (low-level client, items mapped by {@link OrderItems}). Checkout and every
 * later change are one {@link Transaction} of parts: orders' own items, the other contexts' parts
 * ({@link CheckoutParts}), the idempotency completion and the outbox item.
 */
public final class DynamoOrderStore implements OrderStore {

    public record Tables(String orders, String outbox) {
    }

    private final DynamoDbClient dynamo;
    private final Tables tables;
    private final CheckoutParts parts;
    private final DynamoCheckoutIdempotency idempotency;
    private final Transaction transaction;

    public DynamoOrderStore(DynamoDbClient dynamo, Tables tables, CheckoutParts parts, DynamoCheckoutIdempotency idempotency) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.parts = parts;
        this.idempotency = idempotency;
        this.transaction = new Transaction(dynamo);
    }

    // ---- reads -----------------------------------------------------------------------------------

    @Override
    public Optional<Order> find(String orderId) {
        return get(OrderItems.orderKey(orderId)).map(OrderItems::order);
    }

    @Override
    public Optional<Order> findByNumber(OrderNumber number) {
        QueryResponse response = dynamo.query(QueryRequest.builder().tableName(tables.orders()).indexName(OrderItems.BY_NUMBER)
                .keyConditionExpression("#number = :number")
                .expressionAttributeNames(Map.of("#number", OrderItems.NUMBER))
                .expressionAttributeValues(Map.of(":number", OrderItems.s(number.value()))).build());
        return response.items().stream().findFirst().map(OrderItems::order);
    }

    @Override
    public Page<Order> customerOrders(String customerId, int limit, Optional<String> cursor) {
        QueryRequest.Builder request = QueryRequest.builder().tableName(tables.orders()).indexName(OrderItems.BY_CUSTOMER)
                .keyConditionExpression("#customer = :customer")
                .expressionAttributeNames(Map.of("#customer", OrderItems.CUSTOMER_KEY))
                .expressionAttributeValues(Map.of(":customer", OrderItems.s("customer#" + customerId)))
                .scanIndexForward(false).limit(limit);
        // a cursor resumes only this customer's own listing
        cursor.map(c -> Cursor.decode(c, Cursor.keyAttributes(OrderItems.SCHEMA, OrderItems.BY_CUSTOMER),
                Map.of(OrderItems.CUSTOMER_KEY, "customer#" + customerId))).ifPresent(request::exclusiveStartKey);
        QueryResponse response = dynamo.query(request.build());
        return new Page<>(response.items().stream().map(OrderItems::order).toList(), Cursor.encode(response.lastEvaluatedKey()));
    }

    @Override
    public Page<FulfilmentEntry> fulfilmentsAt(String locationId, Optional<FulfilmentState> state, int limit,
                                               Optional<String> cursor) {
        Map<String, String> names = new HashMap<>(Map.of("#location", OrderItems.FULFILMENT_LOCATION));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":location", OrderItems.s(locationId)));
        String condition = "#location = :location";
        if (state.isPresent()) {
            condition += " AND begins_with(#key, :state)";
            names.put("#key", OrderItems.FULFILMENT_KEY);
            values.put(":state", OrderItems.s(state.get().code() + "#"));
        }
        QueryRequest.Builder request = QueryRequest.builder().tableName(tables.orders()).indexName(OrderItems.BY_LOCATION)
                .keyConditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                .limit(limit);
        cursor.map(c -> Cursor.decode(c, Cursor.keyAttributes(OrderItems.SCHEMA, OrderItems.BY_LOCATION),
                Map.of(OrderItems.FULFILMENT_LOCATION, locationId))).ifPresent(request::exclusiveStartKey);
        QueryResponse response = dynamo.query(request.build());
        return new Page<>(response.items().stream().map(OrderItems::entry).toList(), Cursor.encode(response.lastEvaluatedKey()));
    }

    @Override
    public List<FulfilmentEntry> readyForPickup(List<String> storeIds, int limit) {
        List<FulfilmentEntry> ready = new ArrayList<>();
        for (String store : storeIds) {
            ready.addAll(fulfilmentsAt(store, Optional.of(FulfilmentState.READY_FOR_PICKUP), limit, Optional.empty()).items());
        }
        return ready;
    }

    @Override
    public Optional<String> orderOfReturn(String returnId) {
        return get(OrderItems.returnKey(returnId)).map(item -> item.get(OrderItems.ORDER_ID).s());
    }

    @Override
    public Optional<String> orderOfPayment(String paymentReference) {
        return get(OrderItems.paymentReferenceKey(paymentReference))
                .flatMap(item -> Optional.ofNullable(item.get(OrderItems.ORDER_ID))).map(AttributeValue::s);
    }

    // ---- checkout ----------------------------------------------------------------------------------

    @Override
    public void place(Placement placement) {
        Order order = placement.order();
        Instant at = order.placedAt();
        List<TransactWriteItem> own = new ArrayList<>();
        own.add(put(OrderItems.orderItem(order), "attribute_not_exists(#pk)", Map.of("#pk", OrderItems.PK), Map.of()));
        own.add(put(OrderItems.numberItem(order), "attribute_not_exists(#pk)", Map.of("#pk", OrderItems.PK), Map.of()));
        order.fulfilments().forEach(f -> own.add(put(OrderItems.fulfilmentItem(order, f), null, Map.of(), Map.of())));
        int paymentAction = -1;
        if (order.payment().reference() != null) {
            paymentAction = own.size();
            own.add(TransactWriteItem.builder().update(Update.builder().tableName(tables.orders())
                    .key(OrderItems.paymentReferenceKey(order.payment().reference()))
                    .updateExpression("SET #orderId = :orderId")
                    .conditionExpression("attribute_not_exists(#orderId)")
                    .expressionAttributeNames(Map.of("#orderId", OrderItems.ORDER_ID))
                    .expressionAttributeValues(Map.of(":orderId", OrderItems.s(order.orderId()))).build()).build());
        }
        int payment = paymentAction;
        TransactionPart orders = part(own, reasons -> {
            if (payment >= 0 && Transaction.conditionFailed(reasons.get(payment))) {
                return new ConflictException("payment-reference-used", "Payment already used",
                        "payment reference " + order.payment().reference() + " belongs to another order", null);
            }
            // an order number drawn twice (1 in 10^12): the retry draws another
            return new StaleWriteException("order or number exists");
        });
        List<TransactionPart> all = new ArrayList<>();
        all.add(orders);
        all.add(parts.closeCart(order.cartId(), java.util.Optional.ofNullable(order.customerId()), placement.cartVersion(),
                order.currency(), order.orderId()));
        all.add(parts.take(placement.stockChannel(), placement.takes(), placement.sourcedOn(), order.orderId(),
                correlation(placement.events())));
        all.add(idempotency.completion(placement.completion()));
        if (!placement.events().isEmpty()) {
            all.add(TransactionPart.unconditional(List.of(outbox(placement.events(), at))));
        }
        write(all);
    }

    /** How many actions a placement's parts add up to (measured by tests and the benchmark). */
    public static int actions(List<TransactionPart> parts) {
        return parts.stream().mapToInt(p -> p.actions().size()).sum();
    }

    // ---- changes ---------------------------------------------------------------------------------

    @Override
    public void save(Order before, Order.Change change, List<DomainEvent> events, Optional<String> paymentEventId,
                     Optional<String> newReturnId) {
        Order after = change.order();
        Instant at = after.updatedAt();
        List<TransactWriteItem> own = new ArrayList<>();
        own.add(put(OrderItems.orderItem(after), "#sequence = :sequence", Map.of("#sequence", OrderItems.SEQUENCE),
                Map.of(":sequence", OrderItems.n(before.sequence()))));
        for (Fulfilment f : after.fulfilments()) {
            Optional<Fulfilment> was = before.fulfilment(f.fulfilmentId());
            if (was.isEmpty() || was.get().state() != f.state() || !java.util.Objects.equals(was.get().pickupDeadline(),
                    f.pickupDeadline())) {
                own.add(put(OrderItems.fulfilmentItem(after, f), null, Map.of(), Map.of()));
            }
        }
        newReturnId.ifPresent(id -> own.add(put(OrderItems.returnItem(id, after.orderId()), "attribute_not_exists(#pk)",
                Map.of("#pk", OrderItems.PK), Map.of())));
        paymentEventId.ifPresent(id -> own.add(put(OrderItems.paymentEventItem(id, after.orderId(), at),
                "attribute_not_exists(#pk)", Map.of("#pk", OrderItems.PK), Map.of())));
        List<TransactionPart> all = new ArrayList<>();
        // the order moved on (another change won) or the event was applied meanwhile: read again and decide again
        all.add(part(own, reasons -> new StaleWriteException("order " + after.orderId() + " changed")));
        if (!change.stock().isEmpty()) {
            all.add(parts.effects(change.stock(), after.orderId(), correlation(events)));
        }
        if (!events.isEmpty()) {
            all.add(TransactionPart.unconditional(List.of(outbox(events, at))));
        }
        write(all);
    }

    @Override
    public void publish(List<DomainEvent> events) {
        if (!events.isEmpty()) {
            dynamo.putItem(b -> b.tableName(tables.outbox()).item(OutboxRecord.of(events, events.getFirst().occurredAt()).toItem()));
        }
    }

    // ---- early payments ----------------------------------------------------------------------------

    @Override
    public boolean keepPendingPayment(String paymentReference, PendingPayment payment) {
        Map<String, AttributeValue> item = new HashMap<>(OrderItems.key("payref#" + paymentReference, "pending#" + payment.eventId()));
        item.put(OrderItems.PENDING, OrderItems.pending(payment));
        List<TransactWriteItem> actions = List.of(
                put(item, "attribute_not_exists(#pk)", Map.of("#pk", OrderItems.PK), Map.of()),
                // kept only while no order holds the reference; otherwise the caller applies it to the order
                TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(tables.orders())
                        .key(OrderItems.paymentReferenceKey(paymentReference))
                        .conditionExpression("attribute_not_exists(#orderId)")
                        .expressionAttributeNames(Map.of("#orderId", OrderItems.ORDER_ID)).build()).build());
        try {
            dynamo.transactWriteItems(b -> b.transactItems(actions));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons() && Transaction.conditionFailed(e.cancellationReasons().get(1))) {
                throw new StaleWriteException("an order took the payment reference meanwhile");
            }
            if (e.hasCancellationReasons() && Transaction.conditionFailed(e.cancellationReasons().get(0))) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<PendingPayment> pendingPayments(String paymentReference) {
        QueryResponse response = dynamo.query(QueryRequest.builder().tableName(tables.orders()).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :pending)")
                .expressionAttributeNames(Map.of("#pk", OrderItems.PK, "#sk", OrderItems.SK))
                .expressionAttributeValues(Map.of(":pk", OrderItems.s("payref#" + paymentReference),
                        ":pending", OrderItems.s("pending#"))).build());
        List<PendingPayment> pending = new ArrayList<>();
        response.items().forEach(item -> pending.addAll(OrderItems.pending(Map.of(OrderItems.PENDING,
                AttributeValue.fromM(Map.of("x", item.get(OrderItems.PENDING)))))));
        return pending;
    }

    @Override
    public void clearPendingPayments(String paymentReference, List<String> eventIds, Instant at) {
        for (String eventId : eventIds) {
            dynamo.deleteItem(b -> b.tableName(tables.orders()).key(OrderItems.key("payref#" + paymentReference, "pending#" + eventId)));
        }
    }

    // ---- plumbing --------------------------------------------------------------------------------

    private void write(List<TransactionPart> all) {
        int actions = actions(all);
        if (actions > Transaction.MAX_ACTIONS) {
            throw new RuleViolationException("checkout-too-large", "Order too large for one transaction",
                    "this change touches " + actions + " records, more than one transaction holds; split the cart");
        }
        transaction.write(all);
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tables.orders()).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
                                  Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(tables.orders()).item(item);
        if (condition != null) {
            put.conditionExpression(condition).expressionAttributeNames(names);
            if (!values.isEmpty()) {
                put.expressionAttributeValues(values);
            }
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private TransactWriteItem outbox(List<DomainEvent> events, Instant at) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tables.outbox())
                .item(OutboxRecord.of(events, at).toItem()).build()).build();
    }

    private static String correlation(List<DomainEvent> events) {
        return events.isEmpty() ? null : events.getFirst().correlationId();
    }

    private static TransactionPart part(List<TransactWriteItem> actions, Function<List<CancellationReason>, RuntimeException> refusal) {
        return TransactionPart.of(actions, refusal);
    }

    static TransactWriteItem delete(String table, Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(key).build()).build();
    }
}

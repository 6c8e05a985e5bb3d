package com.omnis.inventory.dynamo;

import com.omnis.inventory.domain.Reservation;
import com.omnis.inventory.domain.Transfer;
import com.omnis.inventory.service.IdempotencyClaimLostException;
import com.omnis.inventory.service.InventoryStore;
import com.omnis.inventory.service.InventoryTransaction;
import com.omnis.shared.dynamo.StaleWriteException;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Cursor;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.events.OutboxRecord;
import com.omnis.shared.inventory.DynamoStockReader;
import com.omnis.shared.inventory.StockItems;
import com.omnis.shared.inventory.StockPosition;
import com.omnis.shared.inventory.StockReader;
import com.omnis.shared.inventory.StockRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Inventory state in DynamoDB. Every change is one TransactWriteItems: stock records updated by
 * {@link StockWrites} under the plan's assertions, version checks on records whose figures decided
 * an event, the reservation put under its status/expiry guard, the
 * idempotency record completed, and one outbox item with the events. A lost race (a failed
 * condition, or DynamoDB's TransactionConflict) surfaces as {@link StaleWriteException}.
 *
 * <p>Uses the low-level client: multi-table conditional transactions read most plainly there,
 * and the items are mapped by hand ({@link StockItems}, {@link ReservationItems}), with no reflection.
 */
public final class DynamoInventoryStore implements InventoryStore {

    /** Keys and expiry index of the reservations table, as the template must declare them. */
    public static final TableSchema<EnhancedDocument> RESERVATIONS_SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), ReservationItems.ID, AttributeValueType.S)
            .addIndexPartitionKey(ReservationItems.BY_EXPIRY_INDEX, ReservationItems.OPEN_BUCKET, AttributeValueType.S)
            .addIndexSortKey(ReservationItems.BY_EXPIRY_INDEX, ReservationItems.EXPIRES_AT, AttributeValueType.N)
            .build();

    /** The table names; the sweeper writes no idempotency records and has no idempotency table. */
    public record Tables(String stock, String reservations, String outbox, Optional<String> idempotency) {
    }

    /** What a cursor of {@link #positionsAt} holds: the stock table's key and its by-location index's. */
    private static final Set<String> BY_LOCATION_KEY = Cursor.keyAttributes(StockItems.SCHEMA, StockItems.BY_LOCATION_INDEX);

    private final DynamoDbClient dynamo;
    private final Tables tables;
    private final DynamoStockReader reader;
    private final StockWrites stockWrites;

    public DynamoInventoryStore(DynamoDbClient dynamo, Tables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.stockWrites = new StockWrites(tables.stock());
        this.reader = new DynamoStockReader(dynamo, tables.stock(), true);
    }

    @Override
    public Map<Sku, Map<String, StockPosition>> positions(Collection<Sku> skus) {
        return reader.positions(skus);
    }

    @Override
    public Page<StockPosition> positionsAt(String locationId, int limit, Optional<String> cursor) {
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tables.stock())
                .indexName(StockItems.BY_LOCATION_INDEX)
                .keyConditionExpression("#location = :location")
                .expressionAttributeNames(Map.of("#location", StockItems.STOCK_LOCATION))
                .expressionAttributeValues(Map.of(":location", AttributeValue.fromS(locationId)))
                .limit(limit);
        cursor.map(c -> Cursor.decode(c, BY_LOCATION_KEY, Map.of(StockItems.STOCK_LOCATION, locationId)))
                .ifPresent(request::exclusiveStartKey);
        QueryResponse response = dynamo.query(request.build());
        List<StockPosition> positions = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            StockRecord head = StockItems.fromItem(item);
            positions.add(head.settings().shards() == 1
                    ? new StockPosition(head.sku(), locationId, List.of(head))
                    : StockReader.group(head.sku(), reader.records(head.sku())).get(locationId));
        }
        return new Page<>(positions, Cursor.encode(response.lastEvaluatedKey()));
    }

    @Override
    public Optional<Reservation> reservation(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tables.reservations())
                .key(ReservationItems.key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ReservationItems.fromItem(item));
    }

    @Override
    public List<Reservation> dueHolds(Instant now, int limit) {
        List<Reservation> due = new ArrayList<>();
        for (int bucket = 0; bucket < ReservationItems.BUCKETS; bucket++) {
            QueryRequest request = QueryRequest.builder()
                    .tableName(tables.reservations())
                    .indexName(ReservationItems.BY_EXPIRY_INDEX)
                    .keyConditionExpression("#bucket = :bucket AND #expiresAt <= :now")
                    .expressionAttributeNames(Map.of("#bucket", ReservationItems.OPEN_BUCKET,
                            "#expiresAt", ReservationItems.EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":bucket", AttributeValue.fromS(ReservationItems.bucket(bucket)),
                            ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli()))))
                    .limit(limit)
                    .build();
            dynamo.query(request).items().forEach(item -> due.add(ReservationItems.fromItem(item)));
        }
        return due.stream().sorted(Comparator.comparing(Reservation::expiresAt)).limit(limit).toList();
    }

    @Override
    public Optional<Transfer> transfer(Sku sku, String transferId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(tables.stock())
                .key(TransferItems.key(sku, transferId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(TransferItems.fromItem(item));
    }

    @Override
    public void write(InventoryTransaction tx) {
        List<TransactWriteItem> actions = new ArrayList<>(stockWrites.actions(tx.stock()));
        tx.reservation().ifPresent(write -> actions.add(put(tables.reservations(),
                ReservationItems.toItem(write.next()), reservationCondition(write, tx.at()))));
        tx.transfer().ifPresent(write -> actions.add(put(tables.stock(), TransferItems.toItem(write.next()),
                versionCondition(write.expectedVersion(), StockItems.SKU, StockItems.VERSION))));
        int idempotencyAction = tx.idempotency().isPresent() ? actions.size() : -1;
        tx.idempotency().ifPresent(completion -> actions.add(put(tables.idempotency().orElseThrow(),
                DynamoIdempotencyStore.completedItem(completion), DynamoIdempotencyStore.ownedCondition(completion.payloadHash()))));
        if (!tx.events().isEmpty()) {
            actions.add(put(tables.outbox(), OutboxRecord.of(tx.events(), tx.at()).toItem(),
                    new Condition("attribute_not_exists(#id)", Map.of("#id", OutboxRecord.ID), Map.of())));
        }
        if (actions.isEmpty()) {
            return;
        }
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder().transactItems(actions).build());
        } catch (TransactionCanceledException e) {
            if (idempotencyAction >= 0 && e.hasCancellationReasons()
                    && "ConditionalCheckFailed".equals(e.cancellationReasons().get(idempotencyAction).code())) {
                throw new IdempotencyClaimLostException(tx.idempotency().orElseThrow().key());
            }
            if (e.hasCancellationReasons() && e.cancellationReasons().stream().map(CancellationReason::code)
                    .anyMatch(code -> "ConditionalCheckFailed".equals(code) || "TransactionConflict".equals(code))) {
                throw new StaleWriteException("transaction cancelled: " + e.cancellationReasons().stream()
                        .map(CancellationReason::code).toList());
            }
            throw e;
        }
    }

    /** A condition expression with its names and values. */
    record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
    }

    private static Condition versionCondition(long expectedVersion, String keyAttribute, String versionAttribute) {
        if (expectedVersion == 0) {
            return new Condition("attribute_not_exists(#key)", Map.of("#key", keyAttribute), Map.of());
        }
        return new Condition("#version = :version", Map.of("#version", versionAttribute),
                Map.of(":version", number(expectedVersion)));
    }

    private static Condition reservationCondition(InventoryTransaction.ReservationWrite write, Instant at) {
        Map<String, String> names = new HashMap<>(Map.of("#version", ReservationItems.VERSION,
                "#status", ReservationItems.STATUS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":version", number(write.expectedVersion()),
                ":held", AttributeValue.fromS("HELD")));
        String held = "#version = :version AND #status = :held";
        return switch (write.guard()) {
            case NEW -> new Condition("attribute_not_exists(#id)", Map.of("#id", ReservationItems.ID), Map.of());
            case HELD -> new Condition(held, names, values);
            case HELD_AND_LIVE, HELD_AND_EXPIRED -> {
                names.put("#expiresAt", ReservationItems.EXPIRES_AT);
                values.put(":now", number(at.toEpochMilli()));
                yield new Condition(held + (write.guard() == InventoryTransaction.Guard.HELD_AND_LIVE
                        ? " AND #expiresAt > :now" : " AND #expiresAt <= :now"), names, values);
            }
        };
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item, Condition condition) {
        Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression(condition.expression())
                .expressionAttributeNames(condition.names());
        if (!condition.values().isEmpty()) {
            put.expressionAttributeValues(condition.values());
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

package com.omnis.inventory.dynamo;

import com.omnis.inventory.domain.HoldLimits;
import com.omnis.inventory.domain.OpenHolds;
import com.omnis.inventory.domain.Reservation;
import com.omnis.inventory.domain.StockPlan;
import com.omnis.inventory.domain.StockPlan.Assertion;
import com.omnis.inventory.service.InventoryStore;
import com.omnis.inventory.service.InventoryTransaction;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Cursor;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.dynamo.StaleWriteException;
import com.omnis.shared.dynamo.Transaction;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.events.OutboxRecord;
import com.omnis.shared.inventory.DynamoStockReader;
import com.omnis.shared.inventory.StockItems;
import com.omnis.shared.inventory.StockPosition;
import com.omnis.shared.inventory.StockReader;
import com.omnis.shared.inventory.StockRecord;
import com.omnis.shared.inventory.Transfer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Inventory state in DynamoDB. Every change is one TransactWriteItems: stock records updated
 * ({@link StockItems}) under the plan's assertions, version checks on records whose figures decided
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

    /** The table names. */
    public record Tables(String stock, String reservations, String outbox) {
    }

    /** What a cursor of {@link #positionsAt} holds: the stock table's key and its by-location index's. */
    private static final Set<String> BY_LOCATION_KEY = Cursor.keyAttributes(StockItems.SCHEMA, StockItems.BY_LOCATION_INDEX);

    private final DynamoDbClient dynamo;
    private final Tables tables;
    private final DynamoStockReader reader;
    private final Transaction transaction;

    public DynamoInventoryStore(DynamoDbClient dynamo, Tables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
        this.transaction = new Transaction(dynamo);
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
    public OpenHolds openHolds(String owner) {
        return ReservationItems.openHoldsFromItem(dynamo.getItem(b -> b.tableName(tables.reservations())
                .key(ReservationItems.shopperKey(owner)).consistentRead(true)).item());
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
                .key(StockItems.transferKey(sku, transferId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(StockItems.transferFromItem(item));
    }

    @Override
    public void write(InventoryTransaction tx) {
        List<TransactionPart> parts = new ArrayList<>();
        // first: when the claim was lost, that is the answer, whatever else failed with it
        tx.idempotency().ifPresent(parts::add);
        InventoryWrite own = actions(tx);
        parts.add(TransactionPart.of(own.actions(), reasons -> new StaleWriteException(
                "an inventory record moved since it was read")));
        transaction.write(parts);
    }

    /**
     * The inventory's own actions of {@code tx} (stock, reservations, transfer, outbox), with what
     * each action writes, so that a part can read its cancellation reasons.
     */
    public InventoryWrite actions(InventoryTransaction tx) {
        List<TransactWriteItem> actions = new ArrayList<>();
        List<InventoryWrite.Target> targets = new ArrayList<>();
        for (StockPlan.Write write : tx.stock().writes()) {
            StockItems.Condition condition = condition(write.assertions());
            actions.add(write.delete() ? StockItems.delete(tables.stock(), write.key(), condition)
                    : StockItems.update(tables.stock(), write.read(), write.next(), write.settingsChanged(), condition));
            targets.add(new InventoryWrite.Stock(write.key()));
        }
        for (StockPlan.VersionCheck check : tx.stock().checks()) {
            actions.add(StockItems.check(tables.stock(), check.key(), StockItems.Condition.none().versionIs(check.version())));
            targets.add(new InventoryWrite.Stock(check.key()));
        }
        for (InventoryTransaction.ReservationWrite write : tx.reservations()) {
            actions.add(put(tables.reservations(), ReservationItems.toItem(write.next()), reservationCondition(write, tx.at())));
            targets.add(new InventoryWrite.Hold(write.next().id()));
        }
        openHoldsActions(tx.reservations(), actions, targets);
        tx.transfer().ifPresent(write -> {
            actions.add(StockItems.putTransfer(tables.stock(), write.next(), write.expectedVersion()));
            targets.add(new InventoryWrite.Other());
        });
        if (!tx.events().isEmpty()) {
            actions.add(put(tables.outbox(), OutboxRecord.of(tx.events(), tx.at()).toItem(),
                    new Condition("attribute_not_exists(#id)", Map.of("#id", OutboxRecord.ID), Map.of())));
            targets.add(new InventoryWrite.Other());
        }
        return new InventoryWrite(actions, targets);
    }

    /** One counter update per owner (a transaction may touch an item once), summing its holds opened and closed. */
    private void openHoldsActions(List<InventoryTransaction.ReservationWrite> writes, List<TransactWriteItem> actions,
                                  List<InventoryWrite.Target> targets) {
        Map<String, long[]> deltas = new LinkedHashMap<>();
        Map<String, Optional<HoldLimits>> limits = new HashMap<>();
        for (InventoryTransaction.ReservationWrite write : writes) {
            Reservation r = write.next();
            if (!r.limited() || r.owner() == null) {
                continue;
            }
            int sign = write.guard() == InventoryTransaction.Guard.NEW ? 1 : -1;
            long[] delta = deltas.computeIfAbsent(r.owner(), o -> new long[2]);
            delta[0] += sign;
            delta[1] += sign * r.units();
            if (sign > 0) {
                limits.put(r.owner(), write.limits());
            }
        }
        deltas.forEach((owner, delta) -> {
            actions.add(ReservationItems.addOpenHolds(tables.reservations(), owner, delta[0], delta[1],
                    limits.getOrDefault(owner, Optional.empty())));
            targets.add(new InventoryWrite.Limit(owner));
        });
    }

    private static StockItems.Condition condition(List<Assertion> assertions) {
        StockItems.Condition condition = StockItems.Condition.none();
        for (Assertion assertion : new LinkedHashSet<>(assertions)) {
            switch (assertion) {
                case Assertion.FreeAtLeast a -> condition.freeAtLeast(a.units());
                case Assertion.FreeAtMost a -> condition.freeAtMost(a.units());
                case Assertion.FreeBetween a -> condition.freeBetween(a.low(), a.high());
                case Assertion.ReservedAtLeast a -> condition.reservedAtLeast(a.units());
                case Assertion.VersionIs a -> condition.versionIs(a.version());
            }
        }
        return condition;
    }

    /** A condition expression with its names and values. */
    record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
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

package com.omnis.shared.inventory;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The one file that knows the layout of {@code STOCK_TABLE}: partition key {@code sku}, sort key
 * {@code slot} = {@code pos#<locationId>#<shard>} for stock records and {@code transfer#<id>} for
 * transfers (kept next to the stock of their SKU). Counters are top-level numbers so that writes
 * can {@code ADD} to them; {@code free} (= onHand − reserved) is kept alongside so that write
 * conditions can test it. Shard 0 also carries the position's settings and {@code stockLocation},
 * the partition key of the sparse {@code byLocation} index (one entry per position, sorted by SKU).
 *
 * <p>Reads map items to {@link StockRecord} and {@link Transfer}; writes are transaction actions
 * ({@link #update}, {@link #delete}, {@link #check}) under a {@link Condition} on the record as it
 * is when the write applies. Mapped by hand: no reflection, and the attribute names are the ones the
 * write conditions use.
 */
public final class StockItems {

    public static final String SKU = "sku";
    public static final String SLOT = "slot";
    public static final String POSITION_PREFIX = "pos#";
    public static final String BY_LOCATION_INDEX = "byLocation";
    public static final String STOCK_LOCATION = "stockLocation";
    public static final String LOCATION_ID = "locationId";
    public static final String SHARD = "shard";
    public static final String ON_HAND = "onHand";
    public static final String RESERVED = "reserved";
    public static final String FREE = "free";
    public static final String IN_TRANSIT = "inTransit";
    public static final String VERSION = "version";
    public static final String UPDATED_AT = "updatedAt";
    public static final String SAFETY_STOCK = "safetyStock";
    public static final String LOW_STOCK_THRESHOLD = "lowStockThreshold";
    public static final String SHARDS = "shards";

    /** Keys and index of the table, as the template must declare them (demo seeding writes through it). */
    public static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), SKU, AttributeValueType.S)
            .addIndexSortKey(TableMetadata.primaryIndexName(), SLOT, AttributeValueType.S)
            .addIndexPartitionKey(BY_LOCATION_INDEX, STOCK_LOCATION, AttributeValueType.S)
            .addIndexSortKey(BY_LOCATION_INDEX, SKU, AttributeValueType.S)
            .build();

    public static final String TRANSFER_PREFIX = "transfer#";

    /** The ledger counters, in {@link Ledger}'s order. */
    public static final List<String> LEDGER = List.of("received", "sold", "damaged", "counted", "transferredIn",
            "transferredOut", "rebalanced", "restocked");

    private StockItems() {
    }

    public static String slot(String locationId, int shard) {
        return POSITION_PREFIX + locationId + "#" + shard;
    }

    public static Map<String, AttributeValue> key(StockKey key) {
        return Map.of(SKU, AttributeValue.fromS(key.sku().value()),
                SLOT, AttributeValue.fromS(slot(key.locationId(), key.shard())));
    }

    static long[] ledgerValues(Ledger l) {
        return new long[]{l.received(), l.sold(), l.damaged(), l.counted(), l.transferredIn(), l.transferredOut(),
                l.rebalanced(), l.restocked()};
    }

    /** The whole item (seeding, tests); the inventory function itself writes with {@code ADD} updates. */
    public static Map<String, AttributeValue> toItem(StockRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(key(record.key()));
        item.put(LOCATION_ID, AttributeValue.fromS(record.locationId()));
        item.put(SHARD, number(record.shard()));
        item.put(ON_HAND, number(record.onHand()));
        item.put(RESERVED, number(record.reserved()));
        item.put(FREE, number(record.free()));
        item.put(IN_TRANSIT, number(record.inTransit()));
        item.put(VERSION, number(record.version()));
        if (record.updatedAt() != null) {
            item.put(UPDATED_AT, AttributeValue.fromS(record.updatedAt().toString()));
        }
        long[] ledger = ledgerValues(record.ledger());
        for (int i = 0; i < LEDGER.size(); i++) {
            item.put(LEDGER.get(i), number(ledger[i]));
        }
        if (record.shard() == 0) {
            item.put(STOCK_LOCATION, AttributeValue.fromS(record.locationId()));
            item.putAll(settingsAttributes(record.settings()));
        }
        return item;
    }

    /** The attributes of a position's settings, on its shard 0. */
    static Map<String, AttributeValue> settingsAttributes(PositionSettings settings) {
        Map<String, AttributeValue> safety = new HashMap<>();
        settings.safetyStock().forEach((channel, units) -> safety.put(channel.code(), number(units)));
        return Map.of(SAFETY_STOCK, AttributeValue.fromM(safety),
                LOW_STOCK_THRESHOLD, number(settings.lowStockThreshold()),
                SHARDS, number(settings.shards()));
    }

    public static StockRecord fromItem(Map<String, AttributeValue> item) {
        int shard = (int) longOf(item, SHARD);
        PositionSettings settings = null;
        if (shard == 0) {
            Map<Channel, Long> safety = new EnumMap<>(Channel.class);
            AttributeValue raw = item.get(SAFETY_STOCK);
            if (raw != null && raw.hasM()) {
                raw.m().forEach((code, units) -> Channel.fromCode(code)
                        .ifPresent(channel -> safety.put(channel, Long.parseLong(units.n()))));
            }
            settings = new PositionSettings(safety,
                    item.containsKey(LOW_STOCK_THRESHOLD) ? longOf(item, LOW_STOCK_THRESHOLD)
                            : PositionSettings.DEFAULT_LOW_STOCK_THRESHOLD,
                    (int) Math.max(1, longOf(item, SHARDS)));
        }
        Ledger ledger = new Ledger(longOf(item, LEDGER.get(0)), longOf(item, LEDGER.get(1)), longOf(item, LEDGER.get(2)),
                longOf(item, LEDGER.get(3)), longOf(item, LEDGER.get(4)), longOf(item, LEDGER.get(5)),
                longOf(item, LEDGER.get(6)), longOf(item, LEDGER.get(7)));
        AttributeValue updatedAt = item.get(UPDATED_AT);
        return new StockRecord(Sku.of(item.get(SKU).s()), item.get(LOCATION_ID).s(), shard,
                longOf(item, ON_HAND), longOf(item, RESERVED), longOf(item, IN_TRANSIT), settings, ledger,
                longOf(item, VERSION), updatedAt == null ? null : Instant.parse(updatedAt.s()));
    }

    public static boolean isPosition(Map<String, AttributeValue> item) {
        AttributeValue slot = item.get(SLOT);
        return slot != null && slot.s().startsWith(POSITION_PREFIX);
    }

    // ---- transfers ---------------------------------------------------------------------------

    public static Map<String, AttributeValue> transferKey(Sku sku, String transferId) {
        return Map.of(SKU, AttributeValue.fromS(sku.value()), SLOT, AttributeValue.fromS(TRANSFER_PREFIX + transferId));
    }

    public static Map<String, AttributeValue> transferItem(Transfer t) {
        Map<String, AttributeValue> item = new HashMap<>(transferKey(t.sku(), t.id()));
        item.put("transferId", AttributeValue.fromS(t.id()));
        item.put("fromLocationId", AttributeValue.fromS(t.fromLocationId()));
        item.put("toLocationId", AttributeValue.fromS(t.toLocationId()));
        item.put("quantity", number(t.quantity()));
        item.put("received", number(t.received()));
        item.put("createdAt", AttributeValue.fromS(t.createdAt().toString()));
        item.put(VERSION, number(t.version()));
        return item;
    }

    public static Transfer transferFromItem(Map<String, AttributeValue> item) {
        return new Transfer(item.get("transferId").s(), Sku.of(item.get(SKU).s()),
                item.get("fromLocationId").s(), item.get("toLocationId").s(), longOf(item, "quantity"),
                longOf(item, "received"), Instant.parse(item.get("createdAt").s()), longOf(item, VERSION));
    }

    /** Puts {@code next} if the stored transfer is still at {@code expectedVersion} (0 = there is none yet). */
    public static TransactWriteItem putTransfer(String table, Transfer next, long expectedVersion) {
        Put.Builder put = Put.builder().tableName(table).item(transferItem(next));
        if (expectedVersion == 0) {
            put.conditionExpression("attribute_not_exists(#sku)").expressionAttributeNames(Map.of("#sku", SKU));
        } else {
            put.conditionExpression("#version = :version").expressionAttributeNames(Map.of("#version", VERSION))
                    .expressionAttributeValues(Map.of(":version", number(expectedVersion)));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    // ---- writes ------------------------------------------------------------------------------

    /**
     * Moves the stored record from {@code read} to {@code next} by {@code ADD}ing the differences of
     * their counters, so concurrent changes add up rather than overwrite each other, if
     * {@code condition} holds. {@code settingsChanged} rewrites the position's settings on shard 0;
     * otherwise they are only set when the record is new.
     */
    public static TransactWriteItem update(String table, StockRecord read, StockRecord next, boolean settingsChanged,
                                           Condition condition) {
        Expression e = new Expression();
        List<String> adds = new ArrayList<>();
        List<String> sets = new ArrayList<>();
        add(e, adds, ON_HAND, next.onHand() - read.onHand());
        add(e, adds, RESERVED, next.reserved() - read.reserved());
        add(e, adds, FREE, next.free() - read.free());
        add(e, adds, IN_TRANSIT, next.inTransit() - read.inTransit());
        long[] before = ledgerValues(read.ledger());
        long[] after = ledgerValues(next.ledger());
        for (int i = 0; i < before.length; i++) {
            add(e, adds, LEDGER.get(i), after[i] - before[i]);
        }
        adds.add(e.name(VERSION) + " " + e.value(AttributeValue.fromN("1")));
        sets.add(e.name(UPDATED_AT) + " = " + e.value(AttributeValue.fromS(next.updatedAt().toString())));
        sets.add(e.name(LOCATION_ID) + " = " + e.value(AttributeValue.fromS(next.locationId())));
        sets.add(e.name(SHARD) + " = " + e.value(AttributeValue.fromN(Integer.toString(next.shard()))));
        if (next.shard() == 0) {
            sets.add(e.name(STOCK_LOCATION) + " = " + e.value(AttributeValue.fromS(next.locationId())));
            Map<String, AttributeValue> settings = settingsAttributes(settingsChanged ? next.settings()
                    : PositionSettings.DEFAULT);
            settings.forEach((attribute, value) -> {
                String name = e.name(attribute);
                sets.add(settingsChanged ? name + " = " + e.value(value)
                        : name + " = if_not_exists(" + name + ", " + e.value(value) + ")");
            });
        }
        String updateExpression = "SET " + String.join(", ", sets) + " ADD " + String.join(", ", adds);
        String conditionText = condition.render(e);
        Update.Builder update = Update.builder().tableName(table).key(key(next.key()))
                .updateExpression(updateExpression)
                .expressionAttributeNames(e.names)
                .expressionAttributeValues(e.values);
        if (!conditionText.isEmpty()) {
            update.conditionExpression(conditionText);
        }
        return TransactWriteItem.builder().update(update.build()).build();
    }

    /** Deletes the record (a shard folded into the others), if {@code condition} holds. */
    public static TransactWriteItem delete(String table, StockKey key, Condition condition) {
        Expression e = new Expression();
        String conditionText = condition.render(e);
        Delete.Builder delete = Delete.builder().tableName(table).key(key(key));
        if (!conditionText.isEmpty()) {
            delete.conditionExpression(conditionText).expressionAttributeNames(e.names);
            if (!e.values.isEmpty()) {
                delete.expressionAttributeValues(e.values);
            }
        }
        return TransactWriteItem.builder().delete(delete.build()).build();
    }

    /** Writes nothing, but the transaction applies only if {@code condition} holds of the record. */
    public static TransactWriteItem check(String table, StockKey key, Condition condition) {
        Expression e = new Expression();
        ConditionCheck.Builder check = ConditionCheck.builder().tableName(table).key(key(key))
                .conditionExpression(condition.render(e)).expressionAttributeNames(e.names);
        if (!e.values.isEmpty()) {
            check.expressionAttributeValues(e.values);
        }
        return TransactWriteItem.builder().conditionCheck(check.build()).build();
    }

    private static void add(Expression e, List<String> adds, String attribute, long delta) {
        if (delta != 0) {
            adds.add(e.name(attribute) + " " + e.value(AttributeValue.fromN(Long.toString(delta))));
        }
    }

    /** What must be true of a stock record just before a write applies, in the record's own figures. */
    public static final class Condition {

        private final List<Function<Expression, String>> clauses = new ArrayList<>();

        public static Condition none() {
            return new Condition();
        }

        /** free ≥ n (nothing to check for n ≤ 0) */
        public Condition freeAtLeast(long units) {
            if (units > 0) {
                clauses.add(e -> e.name(FREE) + " >= " + e.number(units));
            }
            return this;
        }

        /** free ≤ n; a record that does not exist has none */
        public Condition freeAtMost(long units) {
            clauses.add(e -> atMost(e, units));
            return this;
        }

        /** low ≤ free ≤ high */
        public Condition freeBetween(long low, long high) {
            clauses.add(e -> low <= 0 ? atMost(e, high)
                    : e.name(FREE) + " BETWEEN " + e.number(low) + " AND " + e.number(high));
            return this;
        }

        /** reserved ≥ n */
        public Condition reservedAtLeast(long units) {
            clauses.add(e -> e.name(RESERVED) + " >= " + e.number(units));
            return this;
        }

        /** The record is exactly at {@code version} (0 = it does not exist). */
        public Condition versionIs(long version) {
            clauses.add(e -> version == 0 ? "attribute_not_exists(" + e.name(VERSION) + ")"
                    : e.name(VERSION) + " = " + e.number(version));
            return this;
        }

        private static String atMost(Expression e, long units) {
            String free = e.name(FREE);
            return "(attribute_not_exists(" + free + ") OR " + free + " <= " + e.number(units) + ")";
        }

        private String render(Expression e) {
            List<String> rendered = new ArrayList<>();
            clauses.forEach(clause -> rendered.add(clause.apply(e)));
            return String.join(" AND ", new LinkedHashSet<>(rendered));
        }
    }

    /** Names and values of one action, each name declared once. */
    private static final class Expression {
        final Map<String, String> names = new HashMap<>();
        final Map<String, AttributeValue> values = new HashMap<>();

        String name(String attribute) {
            String placeholder = "#" + attribute;
            names.put(placeholder, attribute);
            return placeholder;
        }

        String value(AttributeValue value) {
            String placeholder = ":v" + values.size();
            values.put(placeholder, value);
            return placeholder;
        }

        String number(long n) {
            return value(AttributeValue.fromN(Long.toString(n)));
        }
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static long longOf(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}

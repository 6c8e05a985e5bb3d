package com.omnis.shared.inventory;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of stock records in {@code STOCK_TABLE}: partition key {@code sku}, sort key
 * {@code slot} = {@code pos#<locationId>#<shard>}. Counters are top-level numbers so that writes
 * can {@code ADD} to them; {@code free} (= onHand − reserved) is kept alongside so that write
 * conditions can test it. Shard 0 also carries the position's settings and {@code stockLocation},
 * the partition key of the sparse {@code byLocation} index (one entry per position, sorted by SKU).
 * Mapped by hand: no reflection, and the attribute names are the ones the write conditions use.
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

    /** The ledger counters, in {@link Ledger}'s order. */
    public static final List<String> LEDGER = List.of("received", "sold", "damaged", "counted", "transferredIn",
            "transferredOut", "rebalanced");

    private StockItems() {
    }

    public static String slot(String locationId, int shard) {
        return POSITION_PREFIX + locationId + "#" + shard;
    }

    public static Map<String, AttributeValue> key(StockKey key) {
        return Map.of(SKU, AttributeValue.fromS(key.sku().value()),
                SLOT, AttributeValue.fromS(slot(key.locationId(), key.shard())));
    }

    public static long[] ledgerValues(Ledger l) {
        return new long[]{l.received(), l.sold(), l.damaged(), l.counted(), l.transferredIn(), l.transferredOut(),
                l.rebalanced()};
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
    public static Map<String, AttributeValue> settingsAttributes(PositionSettings settings) {
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
                longOf(item, LEDGER.get(6)));
        AttributeValue updatedAt = item.get(UPDATED_AT);
        return new StockRecord(Sku.of(item.get(SKU).s()), item.get(LOCATION_ID).s(), shard,
                longOf(item, ON_HAND), longOf(item, RESERVED), longOf(item, IN_TRANSIT), settings, ledger,
                longOf(item, VERSION), updatedAt == null ? null : Instant.parse(updatedAt.s()));
    }

    public static boolean isPosition(Map<String, AttributeValue> item) {
        AttributeValue slot = item.get(SLOT);
        return slot != null && slot.s().startsWith(POSITION_PREFIX);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static long longOf(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}

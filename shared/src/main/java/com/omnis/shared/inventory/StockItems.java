package com.omnis.shared.inventory;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The layout of stock records in {@code STOCK_TABLE}: partition key {@code sku}, sort key
 * {@code slot} = {@code pos#<locationId>#<shard>}. Shard 0 also carries {@code stockLocation}, the
 * partition key of the sparse {@code byLocation} index (one entry per position, sorted by SKU).
 * Mapped by hand: no reflection, and the attribute names are the ones the write conditions use.
 */
public final class StockItems {

    public static final String SKU = "sku";
    public static final String SLOT = "slot";
    public static final String POSITION_PREFIX = "pos#";
    public static final String BY_LOCATION_INDEX = "byLocation";
    public static final String STOCK_LOCATION = "stockLocation";
    public static final String VERSION = "version";

    private StockItems() {
    }

    public static String slot(String locationId, int shard) {
        return POSITION_PREFIX + locationId + "#" + shard;
    }

    public static String positionPrefix(String locationId) {
        return POSITION_PREFIX + locationId + "#";
    }

    public static Map<String, AttributeValue> key(StockKey key) {
        return Map.of(SKU, AttributeValue.fromS(key.sku().value()),
                SLOT, AttributeValue.fromS(slot(key.locationId(), key.shard())));
    }

    public static Map<String, AttributeValue> toItem(StockRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(key(record.key()));
        item.put("locationId", AttributeValue.fromS(record.locationId()));
        item.put("shard", number(record.shard()));
        item.put("onHand", number(record.onHand()));
        item.put("reserved", number(record.reserved()));
        item.put("inTransit", number(record.inTransit()));
        item.put(VERSION, number(record.version()));
        if (record.updatedAt() != null) {
            item.put("updatedAt", AttributeValue.fromS(record.updatedAt().toString()));
        }
        Ledger l = record.ledger();
        item.put("ledger", AttributeValue.fromM(Map.of(
                "received", number(l.received()), "sold", number(l.sold()), "damaged", number(l.damaged()),
                "counted", number(l.counted()), "transferredIn", number(l.transferredIn()),
                "transferredOut", number(l.transferredOut()), "rebalanced", number(l.rebalanced()))));
        if (record.shard() == 0) {
            PositionSettings s = record.settings();
            item.put(STOCK_LOCATION, AttributeValue.fromS(record.locationId()));
            Map<String, AttributeValue> safety = new HashMap<>();
            s.safetyStock().forEach((channel, units) -> safety.put(channel.code(), number(units)));
            item.put("safetyStock", AttributeValue.fromM(safety));
            item.put("lowStockThreshold", number(s.lowStockThreshold()));
            item.put("shards", number(s.shards()));
        }
        return item;
    }

    public static StockRecord fromItem(Map<String, AttributeValue> item) {
        int shard = (int) longOf(item, "shard");
        PositionSettings settings = null;
        if (shard == 0) {
            Map<Channel, Long> safety = new EnumMap<>(Channel.class);
            AttributeValue raw = item.get("safetyStock");
            if (raw != null && raw.hasM()) {
                raw.m().forEach((code, units) -> Channel.fromCode(code)
                        .ifPresent(channel -> safety.put(channel, Long.parseLong(units.n()))));
            }
            settings = new PositionSettings(safety, longOf(item, "lowStockThreshold"), (int) longOf(item, "shards"));
        }
        Map<String, AttributeValue> l = item.get("ledger").m();
        Ledger ledger = new Ledger(longOf(l, "received"), longOf(l, "sold"), longOf(l, "damaged"),
                longOf(l, "counted"), longOf(l, "transferredIn"), longOf(l, "transferredOut"), longOf(l, "rebalanced"));
        AttributeValue updatedAt = item.get("updatedAt");
        return new StockRecord(Sku.of(item.get(SKU).s()), item.get("locationId").s(), shard,
                longOf(item, "onHand"), longOf(item, "reserved"), longOf(item, "inTransit"), settings, ledger,
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

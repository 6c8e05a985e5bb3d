package com.omnis.shared.inventory;

import com.omnis.shared.domain.Channel;
import java.util.EnumMap;
import java.util.Map;

/**
 * How a stock position (a SKU at a location) is managed: units kept back from each channel
 * (e.g. 2 units of store stock kept for walk-in customers and not shown online), the free-stock
 * level under which a {@code LowStock} event fires, and how many items ("shards") hold the
 * position's stock so that a hot SKU can take more than one item's write rate.
 */
public record PositionSettings(Map<Channel, Long> safetyStock, long lowStockThreshold, int shards) {

    public static final long DEFAULT_LOW_STOCK_THRESHOLD = 5;
    public static final int MAX_SHARDS = 10;
    public static final long MAX_UNITS = 1_000_000_000L;

    public static final PositionSettings DEFAULT = new PositionSettings(Map.of(), DEFAULT_LOW_STOCK_THRESHOLD, 1);

    public PositionSettings {
        Map<Channel, Long> copy = new EnumMap<>(Channel.class);
        if (safetyStock != null) {
            safetyStock.forEach((channel, units) -> {
                if (units == null || units < 0 || units > MAX_UNITS) {
                    throw new IllegalArgumentException("safety stock of " + channel.code() + " must be 0 or more");
                }
                if (units > 0) {
                    copy.put(channel, units);
                }
            });
        }
        safetyStock = Map.copyOf(copy);
        if (lowStockThreshold < 0 || lowStockThreshold > MAX_UNITS) {
            throw new IllegalArgumentException("lowStockThreshold must be 0 or more");
        }
        if (shards < 1 || shards > MAX_SHARDS) {
            throw new IllegalArgumentException("shards must be between 1 and " + MAX_SHARDS);
        }
    }

    public long safetyStockFor(Channel channel) {
        return safetyStock.getOrDefault(channel, 0L);
    }
}

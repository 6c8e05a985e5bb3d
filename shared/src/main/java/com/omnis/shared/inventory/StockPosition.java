package com.omnis.shared.inventory;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import java.util.Comparator;
import java.util.List;

/** The stock of a SKU at a location: the sum of its shards, with the settings of shard 0. */
public record StockPosition(Sku sku, String locationId, List<StockRecord> shards) {

    public StockPosition {
        shards = shards.stream().sorted(Comparator.comparingInt(StockRecord::shard)).toList();
        for (StockRecord record : shards) {
            if (!record.sku().equals(sku) || !record.locationId().equals(locationId)) {
                throw new IllegalArgumentException("record " + record.key() + " is not part of " + sku + "@" + locationId);
            }
        }
    }

    /** A position nobody has stocked yet. */
    public static StockPosition empty(Sku sku, String locationId) {
        return new StockPosition(sku, locationId, List.of());
    }

    public PositionKey key() {
        return new PositionKey(sku, locationId);
    }

    public long onHand() {
        return shards.stream().mapToLong(StockRecord::onHand).sum();
    }

    public long reserved() {
        return shards.stream().mapToLong(StockRecord::reserved).sum();
    }

    public long inTransit() {
        return shards.stream().mapToLong(StockRecord::inTransit).sum();
    }

    /** Units not held by a reservation, whatever the channel. */
    public long free() {
        return onHand() - reserved();
    }

    public PositionSettings settings() {
        return shards.isEmpty() || shards.getFirst().shard() != 0 ? PositionSettings.DEFAULT : shards.getFirst().settings();
    }

    /**
     * What this position offers {@code channel}: on hand − reserved − safety stock, never below zero.
     * The safety stock is kept on shard 0, so that every hold can check what it may take on the one
     * item it writes; for the usual single-shard position this is simply max(0, free − safety).
     */
    public long availableTo(Channel channel) {
        return shards.stream().mapToLong(record -> availableOn(record, channel)).sum();
    }

    /** What {@code channel} may take from one shard of this position. */
    public long availableOn(StockRecord record, Channel channel) {
        long keptBack = record.shard() == 0 ? settings().safetyStockFor(channel) : 0;
        return Math.max(0, record.free() - keptBack);
    }

    public Ledger ledger() {
        return shards.stream().map(StockRecord::ledger).reduce(Ledger.EMPTY, Ledger::plus);
    }
}

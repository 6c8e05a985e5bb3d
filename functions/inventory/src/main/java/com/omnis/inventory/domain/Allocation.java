package com.omnis.inventory.domain;

import com.omnis.shared.domain.Sku;
import com.omnis.shared.inventory.PositionKey;
import com.omnis.shared.inventory.StockKey;

/** Units of a reservation held on one stock record (a shard of a position). */
public record Allocation(Sku sku, String locationId, int shard, long quantity) {

    public Allocation {
        if (quantity < 1) {
            throw new IllegalArgumentException("an allocation holds at least one unit");
        }
    }

    public StockKey stockKey() {
        return new StockKey(sku, locationId, shard);
    }

    public PositionKey position() {
        return new PositionKey(sku, locationId);
    }
}

package com.omnis.shared.inventory;

import com.omnis.shared.domain.Sku;

/** Identifies one stock record: a shard of a SKU's stock at a location. */
public record StockKey(Sku sku, String locationId, int shard) {

    public PositionKey position() {
        return new PositionKey(sku, locationId);
    }
}

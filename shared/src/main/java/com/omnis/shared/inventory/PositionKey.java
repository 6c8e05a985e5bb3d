package com.omnis.shared.inventory;

import com.omnis.shared.domain.Sku;

/** A stock position: a SKU at a location, whatever the number of shards holding it. */
public record PositionKey(Sku sku, String locationId) {
}

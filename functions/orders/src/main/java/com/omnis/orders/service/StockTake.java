package com.omnis.orders.service;

import com.omnis.shared.domain.Sku;

/** Units checkout takes from a location's stock for an order (committed in the order's transaction). */
public record StockTake(Sku sku, String locationId, int quantity) {
}

package com.omnis.orders.domain;

import com.omnis.shared.domain.Sku;

/** What an order change does to stock, written by inventory's parts in the same transaction. */
public sealed interface StockEffect {

    Sku sku();

    String locationId();

    int quantity();

    /** Sold units that never left go back on hand: {@code why} is {@code order-cancelled} or {@code pickup-expired}. */
    record Restock(Sku sku, String locationId, int quantity, String why) implements StockEffect {
    }

    /** Returned units of return {@code returnId} received back on hand at a location (reason {@code return}). */
    record ReturnReceipt(Sku sku, String locationId, int quantity, String returnId) implements StockEffect {
    }
}

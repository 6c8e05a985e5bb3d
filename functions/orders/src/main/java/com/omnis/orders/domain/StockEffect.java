package com.omnis.orders.domain;

import com.omnis.shared.domain.Sku;

/** What an order change does to stock, written by inventory's parts in the same transaction. */
public sealed interface StockEffect {

    Sku sku();

    String locationId();

    int quantity();

    /** Sold units that never left go back on hand (a cancelled order, an expired pickup). */
    record Restock(Sku sku, String locationId, int quantity) implements StockEffect {
    }

    /** Returned units received back on hand at a location (a movement with reason {@code return}). */
    record ReturnReceipt(Sku sku, String locationId, int quantity) implements StockEffect {
    }
}

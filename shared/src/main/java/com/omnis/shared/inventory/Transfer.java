package com.omnis.shared.inventory;

import com.omnis.shared.domain.Sku;
import java.time.Instant;

/**
 * Units shipped from one location to another: in transit until received at the destination. Kept
 * in the stock table next to the positions of its SKU ({@link StockItems}).
 */
public record Transfer(String id, Sku sku, String fromLocationId, String toLocationId, long quantity, long received,
                       Instant createdAt, long version) {

    public Transfer {
        if (received < 0 || received > quantity) {
            throw new IllegalStateException("transfer " + id + " cannot have received " + received + " of " + quantity);
        }
    }

    public long outstanding() {
        return quantity - received;
    }

    public Transfer receive(long units) {
        return new Transfer(id, sku, fromLocationId, toLocationId, quantity, received + units, createdAt, version + 1);
    }
}

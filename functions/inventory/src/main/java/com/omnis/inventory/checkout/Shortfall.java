package com.omnis.inventory.checkout;

import java.util.List;

/**
 * Per SKU, what was asked and what the locations looked at have for the channel: the body of every
 * {@code insufficient-stock} answer (a hold, a checkout), so a channel can say "3 at store-lyon".
 */
public record Shortfall(String sku, long requested, long available, List<Where> locations) {

    public Shortfall {
        locations = List.copyOf(locations);
    }

    /** What one location has for the channel. */
    public record Where(String locationId, long available) {
    }
}

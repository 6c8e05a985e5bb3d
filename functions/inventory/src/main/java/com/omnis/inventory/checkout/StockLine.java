package com.omnis.inventory.checkout;

import com.omnis.shared.domain.LocationId;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import java.util.Objects;

/** {@code quantity} units of {@code sku} at {@code locationId}: a line an order takes, gives back or receives. */
public record StockLine(Sku sku, LocationId locationId, Quantity quantity) {

    public StockLine {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(quantity, "quantity");
    }

    public static StockLine of(Sku sku, LocationId locationId, int quantity) {
        return new StockLine(sku, locationId, Quantity.of(quantity));
    }
}

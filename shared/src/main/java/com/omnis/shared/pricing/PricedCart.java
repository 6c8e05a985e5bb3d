package com.omnis.shared.pricing;

import java.util.List;

/** Every line priced, plus the totals; the unit of agreement between carts, orders and every channel. */
public record PricedCart(List<PricedLine> lines, Totals totals) {

    public PricedCart {
        lines = List.copyOf(lines);
    }
}

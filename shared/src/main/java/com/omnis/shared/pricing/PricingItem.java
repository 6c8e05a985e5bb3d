package com.omnis.shared.pricing;

import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;

/** What the calculator needs of a line: the SKU, its category (for category promotions), its list price and quantity. */
public record PricingItem(Sku sku, String category, Money unitPrice, int quantity) {

    public PricingItem {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }
}

package com.omnis.orders.domain;

import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.pricing.AppliedPromotion;
import java.util.List;

/**
 * A SKU as bought: its price and discount at checkout, how many units are in returns
 * ({@code returned}, never more than {@code quantity}) and how many were refunded.
 */
public record OrderLine(Sku sku, String name, int quantity, Money unitPrice, Money discount, Money lineTotal,
                        List<AppliedPromotion> promotions, int returned, int refunded) {

    public OrderLine {
        promotions = promotions == null ? List.of() : List.copyOf(promotions);
        if (quantity < 1 || returned < 0 || returned > quantity || refunded < 0 || refunded > returned) {
            throw new IllegalArgumentException("a line has 1 or more units, of which at most all are returned and refunded");
        }
    }

    OrderLine withReturned(int newReturned) {
        return new OrderLine(sku, name, quantity, unitPrice, discount, lineTotal, promotions, newReturned, refunded);
    }

    OrderLine withRefunded(int newRefunded) {
        return new OrderLine(sku, name, quantity, unitPrice, discount, lineTotal, promotions, returned, newRefunded);
    }
}

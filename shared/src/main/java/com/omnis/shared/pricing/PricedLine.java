package com.omnis.shared.pricing;

import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import java.util.List;

/** A priced line: {@code lineTotal = unitPrice × quantity − discount}. */
public record PricedLine(Sku sku, int quantity, Money unitPrice, Money discount, Money lineTotal,
                         List<AppliedPromotion> promotions) {

    public PricedLine {
        promotions = List.copyOf(promotions);
    }
}

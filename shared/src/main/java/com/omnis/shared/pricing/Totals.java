package com.omnis.shared.pricing;

import com.omnis.shared.domain.Money;

/** Cart or order totals, tax included: {@code total = subtotal − discount}. */
public record Totals(Money subtotal, Money discount, Money total) {
}

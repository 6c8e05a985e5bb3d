package com.omnis.shared.pricing;

import com.omnis.shared.domain.Money;

/** The promotion that won on a line and what it took off. */
public record AppliedPromotion(String promotionId, String name, String code, Money discount) {
}

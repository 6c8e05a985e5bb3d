package com.omnis.catalog.domain;

import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.PromoCode;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.Optional;

/** The terms of a promotion ops create: everything but the id the catalog gives it. */
public record NewPromotion(String name, Promotion.Kind kind, Integer percentOff, Money amountOff,
                           Promotion.Target target, String targetValue, Optional<PromoCode> code,
                           Instant validFrom, Instant validUntil) {

    /** The SKU a SKU promotion discounts; empty for a category promotion. */
    public Optional<Sku> targetSku() {
        return target == Promotion.Target.SKU ? Optional.of(Sku.of(targetValue)) : Optional.empty();
    }

    public Promotion withId(String promotionId) {
        return new Promotion(promotionId, name, kind, percentOff, amountOff, target, targetValue,
                code.map(PromoCode::value).orElse(null), validFrom, validUntil);
    }
}

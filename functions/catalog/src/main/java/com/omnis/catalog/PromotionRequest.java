package com.omnis.catalog;

import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.domain.Money;
import java.time.Instant;

/**
 * Body of {@code POST /promotions}. {@code percentOff} for {@code percent-off}, {@code amountOff} (per unit)
 * for {@code amount-off}; {@code validFrom} defaults to now; a {@code code} makes it apply only to carts that entered it.
 */
public record PromotionRequest(String name, Promotion.Kind kind, Integer percentOff, Money amountOff,
                               Promotion.Target target, String targetValue, String code,
                               Instant validFrom, Instant validUntil) {
}

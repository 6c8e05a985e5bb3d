package com.omnis.shared.customer;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.Objects;

/**
 * A product a customer saved to decide later, with what they saw when saving it: the effective unit
 * price the product page showed ({@code PriceCalculator.effectiveUnitPrice}) and what the touchpoint's
 * channel could sell ({@code AvailabilityQuery}). A price drop or a return to stock is measured against these.
 */
public record SavedItem(CustomerId customerId, Sku sku, Instant savedAt, Channel touchpoint, Money priceWhenSaved,
                        long availableWhenSaved) {

    public SavedItem {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(priceWhenSaved, "priceWhenSaved");
        if (availableWhenSaved < 0) {
            throw new IllegalArgumentException("availableWhenSaved is 0 or more");
        }
    }
}

package com.omnis.orders.domain;

import com.omnis.shared.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a customer paid for some units of a line: the line total after its promotions, prorated by
 * units. Each refund is the difference of two cumulative, half-up rounded shares, so the refunds of
 * a line always add up to exactly what was paid for it, however the units come back.
 */
public final class Refunds {

    private Refunds() {
    }

    /** The refund of {@code units} more units of a line of {@code quantity} that cost {@code lineTotal}, {@code alreadyRefunded} units being refunded. */
    public static Money forUnits(Money lineTotal, int quantity, int alreadyRefunded, int units) {
        if (quantity < 1 || alreadyRefunded < 0 || units < 0 || alreadyRefunded + units > quantity) {
            throw new IllegalArgumentException("cannot refund " + units + " more of " + quantity + " units, "
                    + alreadyRefunded + " already refunded");
        }
        long after = share(lineTotal.amount(), alreadyRefunded + units, quantity);
        long before = share(lineTotal.amount(), alreadyRefunded, quantity);
        return Money.of(after - before, lineTotal.currency());
    }

    private static long share(long total, int units, int quantity) {
        return BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(units))
                .divide(BigDecimal.valueOf(quantity), 0, RoundingMode.HALF_UP).longValueExact();
    }
}

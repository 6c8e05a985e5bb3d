package com.omnis.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.shared.domain.Money;
import org.junit.jupiter.api.Test;

class RefundsTest {

    private static Money eur(long cents) {
        return Money.of(cents, "EUR");
    }

    @Test
    void unitsReturnedOneByOneRefundExactlyWhatTheLineCostAfterItsPromotion() {
        // 3 × 33.33 with 10.00 off = 89.99
        Money paid = eur(8999);

        Money first = Refunds.forUnits(paid, 3, 0, 1);
        Money second = Refunds.forUnits(paid, 3, 1, 1);
        Money third = Refunds.forUnits(paid, 3, 2, 1);

        assertThat(first).isEqualTo(eur(3000));
        assertThat(second).isEqualTo(eur(2999));
        assertThat(third).isEqualTo(eur(3000));
        assertThat(first.plus(second).plus(third)).isEqualTo(paid);
    }

    @Test
    void returningEverythingAtOnceRefundsTheLineTotal() {
        assertThat(Refunds.forUnits(eur(11049), 1, 0, 1)).isEqualTo(eur(11049));
        assertThat(Refunds.forUnits(eur(1001), 2, 0, 2)).isEqualTo(eur(1001));
    }

    @Test
    void moreUnitsThanBoughtCannotBeRefunded() {
        assertThatThrownBy(() -> Refunds.forUnits(eur(1000), 2, 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}

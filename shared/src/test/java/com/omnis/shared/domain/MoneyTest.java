package com.omnis.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.omnis.shared.json.Json;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Money TEN_EUR = Money.of(1000, "EUR");

    @Test
    void addsAndSubtractsInMinorUnits() {
        assertThat(TEN_EUR.plus(Money.of(1, "EUR"))).isEqualTo(Money.of(1001, "EUR"));
        assertThat(TEN_EUR.minus(Money.of(1001, "EUR"))).isEqualTo(Money.of(-1, "EUR"));
        assertThat(TEN_EUR.minus(Money.of(1001, "EUR")).isNegative()).isTrue();
        assertThat(TEN_EUR.times(3)).isEqualTo(Money.of(3000, "EUR"));
        assertThat(Money.zero("EUR").isZero()).isTrue();
    }

    @Test
    void refusesToMixCurrencies() {
        Money dollars = Money.of(1000, "USD");

        assertThatThrownBy(() -> TEN_EUR.plus(dollars)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot combine EUR with USD");
        assertThatThrownBy(() -> TEN_EUR.minus(dollars)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TEN_EUR.min(dollars)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TEN_EUR.compareTo(dollars)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsOnlyIso4217Codes() {
        assertThatThrownBy(() -> Money.of(1, "eur")).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> Money.of(1, "EURO")).hasMessageContaining("ISO 4217");
        assertThatThrownBy(() -> Money.of(1, "ABC")).hasMessage("currency 'ABC' is not an ISO 4217 code");
        assertThatThrownBy(() -> Money.of(1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overflowFailsInsteadOfWrappingAround() {
        Money huge = Money.of(Long.MAX_VALUE, "EUR");

        assertThatThrownBy(() -> huge.plus(Money.of(1, "EUR"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> huge.times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of(Long.MIN_VALUE, "EUR").minus(Money.of(1, "EUR")))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void comparesAndPicksTheSmaller() {
        Money nine = Money.of(999, "EUR");

        assertThat(TEN_EUR.min(nine)).isEqualTo(nine);
        assertThat(nine.min(TEN_EUR)).isEqualTo(nine);
        assertThat(TEN_EUR.compareTo(nine)).isPositive();
    }

    @Test
    void travelsInJsonAsAmountInMinorUnitsAndCurrency() {
        assertThat(Json.write(Money.of(129900, "EUR"))).isEqualTo("{\"amount\":129900,\"currency\":\"EUR\"}");
        assertThat(Json.read("{\"amount\":129900,\"currency\":\"EUR\"}", Money.class)).isEqualTo(Money.of(129900, "EUR"));
    }

    @Test
    void jsonWithADecimalOrTextualAmountIsRefused() {
        assertThatThrownBy(() -> Json.read("{\"amount\":1299.00,\"currency\":\"EUR\"}", Money.class))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(JsonMappingException.class);
        assertThatThrownBy(() -> Json.read("{\"amount\":\"129900\",\"currency\":\"EUR\"}", Money.class))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(JsonMappingException.class);
    }

    @Test
    void jsonWithoutAnAmountIsRefusedRatherThanReadAsZero() {
        assertThatThrownBy(() -> Json.read("{\"currency\":\"EUR\"}", Money.class))
                .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(JsonMappingException.class);
    }
}

package com.omnis.shared.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Currency;

/**
 * An amount of money in minor units (cents) of an ISO 4217 currency. Never a floating-point
 * number; arithmetic refuses to mix currencies. JSON: {@code {"amount": 129900, "currency": "EUR"}}.
 */
public record Money(long amount, String currency) implements Comparable<Money> {

    public Money {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR");
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency '" + currency + "' is not an ISO 4217 code");
        }
    }

    public static Money of(long amount, String currency) {
        return new Money(amount, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(amount, other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(amount, other.amount), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(amount, factor), currency);
    }

    public Money min(Money other) {
        requireSameCurrency(other);
        return amount <= other.amount ? this : other;
    }

    @JsonIgnore // a question, not a field: "negative" must not appear in JSON
    public boolean isNegative() {
        return amount < 0;
    }

    @JsonIgnore
    public boolean isZero() {
        return amount == 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(amount, other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }
}

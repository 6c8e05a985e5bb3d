package com.omnis.shared.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How many units of one SKU a line, a hold or a return carries: 1 to 99, the most a till or a cart takes. */
public record Quantity(int value) {

    public static final int MAX = 99;
    public static final String RULE = "must be between 1 and " + MAX;

    public Quantity {
        if (value < 1 || value > MAX) {
            throw new IllegalArgumentException(RULE);
        }
    }

    @JsonCreator
    public static Quantity of(int value) {
        return new Quantity(value);
    }

    /** From a JSON or query value that may be absent or not an integer. */
    public static Quantity of(Integer value) {
        if (value == null) {
            throw new IllegalArgumentException("is required and " + RULE);
        }
        return new Quantity(value);
    }

    /** This plus {@code other}, capped at {@link #MAX} (merging two carts never fails on a sum). */
    public Quantity plusCapped(Quantity other) {
        return new Quantity(Math.min(MAX, value + other.value));
    }

    @JsonValue
    @Override
    public int value() {
        return value;
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}

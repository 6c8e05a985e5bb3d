package com.omnis.shared.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A stock keeping unit code: 2 to 40 upper-case letters, digits and dashes, e.g. {@code SHOE-RUN-42}. */
public record Sku(String value) {

    public Sku {
        if (value == null || !value.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
            throw new IllegalArgumentException("a SKU is 2 to 40 characters of A-Z, 0-9 and '-'");
        }
    }

    @JsonCreator
    public static Sku of(String value) {
        return new Sku(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}

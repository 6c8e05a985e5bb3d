package com.omnis.shared.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/** A stock keeping unit code: 2 to 40 upper-case letters, digits and dashes, e.g. {@code SHOE-RUN-42}. */
public record Sku(String value) {

    public static final Pattern PATTERN = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    public Sku {
        if (value == null || !PATTERN.matcher(value).matches()) {
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

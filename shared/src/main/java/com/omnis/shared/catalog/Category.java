package com.omnis.shared.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A product category, as products, promotions and listings name it: 1 to 60 lower-case letters,
 * digits and dashes ({@code trail-shoes}). Kept beside {@link Product}: carts and orders price by it.
 */
public record Category(String value) {

    public static final Pattern PATTERN = Pattern.compile("[a-z0-9-]{1,60}");
    public static final String RULE = "a category is 1 to 60 lower-case letters, digits and '-'";

    public Category {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    @JsonCreator
    public static Category of(String value) {
        return new Category(value);
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

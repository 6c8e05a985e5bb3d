package com.omnis.shared.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * A customer, identified by the {@code sub} claim of their token (a Cognito UUID in AWS,
 * {@code customer-1} locally): 1 to 128 printable characters without spaces or '#' (our key separator).
 */
public record CustomerId(String value) {

    public static final Pattern PATTERN = Pattern.compile("[\\x21-\\x7E&&[^#]]{1,128}");
    public static final String RULE = "a customer id is 1 to 128 printable characters without spaces or '#'";

    public CustomerId {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    @JsonCreator
    public static CustomerId of(String value) {
        return new CustomerId(value);
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

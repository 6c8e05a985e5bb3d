package com.omnis.shared.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/** A promotion code a shopper types: 3 to 30 of A-Z, 0-9 and '-', compared upper-case ({@code summer10} is {@code SUMMER10}). */
public record PromoCode(String value) {

    public static final Pattern PATTERN = Pattern.compile("[A-Z0-9-]{3,30}");
    public static final String RULE = "a promotion code is 3 to 30 characters of A-Z, 0-9 and '-'";

    public PromoCode {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    /** As typed: trimmed and upper-cased first, so codes are case-insensitive for shoppers. */
    @JsonCreator
    public static PromoCode of(String raw) {
        return new PromoCode(raw == null ? null : raw.trim().toUpperCase(Locale.ROOT));
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

package com.omnis.shared.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address a message can be sent to: {@code local@domain.tld}, at most 254 characters, kept
 * lower-case (mailbox providers ignore case, and one spelling is what a search and a suppression list match).
 */
public record Email(String value) {

    public static final String RULE = "is an email address such as camille@example.fr (at most 254 characters)";

    private static final Pattern SHAPE = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    public Email {
        if (value == null || value.length() > 254 || value.indexOf('@') > 64
                || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    /** Trimmed and lower-cased, then checked. */
    @JsonCreator
    public static Email of(String raw) {
        return new Email(raw == null ? null : raw.strip().toLowerCase(Locale.ROOT));
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

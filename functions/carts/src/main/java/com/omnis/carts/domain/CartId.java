package com.omnis.carts.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** A cart's identifier: a random UUID, so ids reveal nothing and cannot collide with other items of the table. */
public record CartId(String value) {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public CartId {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw new IllegalArgumentException("a cart id is a lower-case UUID");
        }
    }

    public static CartId random() {
        return new CartId(UUID.randomUUID().toString());
    }

    /** The id a client sent, or empty when it cannot be one of ours (answered as "not found", like any unknown id). */
    public static Optional<CartId> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String lower = raw.trim().toLowerCase(Locale.ROOT);
        return UUID_TEXT.matcher(lower).matches() ? Optional.of(new CartId(lower)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}

package com.omnis.orders.domain;

import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The number a customer reads out on the phone or at the till: {@code OM-} and 8 characters of
 * Crockford's base 32 (no I, L, O or U, which people confuse with 1, 0 and V). 40 random bits;
 * uniqueness is not hoped for but enforced by a conditional put of the number in the checkout transaction.
 */
public record OrderNumber(String value) {

    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final Pattern PATTERN = Pattern.compile("OM-[0-9A-HJKMNP-TV-Z]{8}");

    public OrderNumber {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("an order number is OM- and 8 characters of 0-9 and A-Z without I, L, O, U");
        }
    }

    /** Reads what a person typed: case and the confusable letters forgiven (o → 0, i/l → 1), as Crockford intends. */
    public static OrderNumber parse(String typed) {
        if (typed == null) {
            throw new IllegalArgumentException("an order number is required");
        }
        String upper = typed.trim().toUpperCase(java.util.Locale.ROOT);
        String body = upper.startsWith("OM-") ? upper.substring(3) : upper;
        body = body.replace('O', '0').replace('I', '1').replace('L', '1');
        return new OrderNumber("OM-" + body);
    }

    public static OrderNumber random(RandomGenerator random) {
        StringBuilder number = new StringBuilder("OM-");
        for (int i = 0; i < 8; i++) {
            number.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new OrderNumber(number.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

package com.omnis.shared.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A hold on stock, as inventory hands it out: {@code res-} and a random UUID. Carts keep it and the
 * checkout commits it; anything else is not a reservation of ours.
 */
public record ReservationId(String value) {

    public static final Pattern PATTERN = Pattern.compile("res-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}");
    public static final String RULE = "a reservation id is 'res-' and a UUID in lower-case hex";

    public ReservationId {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    @JsonCreator
    public static ReservationId of(String value) {
        return new ReservationId(value);
    }

    public static ReservationId random() {
        return new ReservationId("res-" + UUID.randomUUID());
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

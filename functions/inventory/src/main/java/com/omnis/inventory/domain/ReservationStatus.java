package com.omnis.inventory.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** HELD until committed (units sold), released by the caller, or expired (units back to stock). */
public enum ReservationStatus {
    HELD, COMMITTED, RELEASED, EXPIRED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ReservationStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}

package com.omnis.shared.customer;

import java.time.ZoneId;

/**
 * A customer's time zone is an IANA region id ({@code Europe/Paris}, {@code Atlantic/Canary}): quiet
 * hours follow its daylight saving time, which a fixed offset such as {@code +01:00} would not.
 */
public final class TimeZones {

    public static final String RULE = "is an IANA time zone such as Europe/Paris or Atlantic/Canary";

    private TimeZones() {
    }

    public static ZoneId of(String id) {
        if (id == null || !ZoneId.getAvailableZoneIds().contains(id)) {
            throw new IllegalArgumentException(RULE);
        }
        return ZoneId.of(id);
    }
}

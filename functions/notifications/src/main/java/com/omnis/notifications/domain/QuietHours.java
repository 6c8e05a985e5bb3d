package com.omnis.notifications.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** No text message (and no marketing at all) between 21:00 and 08:00 where the customer lives. */
public final class QuietHours {

    public static final LocalTime STARTS = LocalTime.of(21, 0);
    public static final LocalTime ENDS = LocalTime.of(8, 0);

    private QuietHours() {
    }

    public static boolean isQuiet(Instant at, ZoneId zone) {
        LocalTime local = at.atZone(zone).toLocalTime();
        return !local.isBefore(STARTS) || local.isBefore(ENDS);
    }

    /** The next 08:00 in {@code zone} (today's before 08:00, tomorrow's after 21:00); {@code at} itself outside quiet hours. */
    public static Instant nextAllowed(Instant at, ZoneId zone) {
        if (!isQuiet(at, zone)) {
            return at;
        }
        ZonedDateTime local = at.atZone(zone);
        var day = local.toLocalTime().isBefore(ENDS) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(day, ENDS, zone).toInstant();
    }

    /** 08:00 on the day after {@code at} in {@code zone}: where a message capped today goes. */
    public static Instant nextDay(Instant at, ZoneId zone) {
        return ZonedDateTime.of(at.atZone(zone).toLocalDate().plusDays(1), ENDS, zone).toInstant();
    }
}

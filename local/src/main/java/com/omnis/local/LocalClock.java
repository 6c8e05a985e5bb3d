package com.omnis.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock of the local runtime: the system's, moved forward on request
 * ({@code POST /_local/clock}). Every function reads it ({@code Settings.clock()}), and so do the
 * bus, the schedules and the streams, so holds, carts and schedules see the same "now". It never goes
 * backwards: what happened stays in the past, as in a real deployment.
 */
public final class LocalClock extends Clock {

    private final Clock system;
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    public LocalClock(Clock system) {
        this.system = system;
    }

    public static LocalClock system() {
        return new LocalClock(Clock.systemUTC());
    }

    @Override
    public Instant instant() {
        return system.instant().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the local clock is UTC");
    }

    /** How far ahead of the system's clock this one is. */
    public Duration ahead() {
        return ahead.get();
    }

    /** Moves the clock forward by {@code duration}; returns the new time. */
    public Instant advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        ahead.accumulateAndGet(duration, Duration::plus);
        return instant();
    }

    /** Moves the clock forward to {@code target}; returns the new time. */
    public Instant moveTo(Instant target) {
        ahead.updateAndGet(current -> {
            Duration wanted = Duration.between(system.instant(), target);
            if (wanted.compareTo(current) < 0) {
                throw new IllegalArgumentException("the clock only moves forward: it is already "
                        + system.instant().plus(current));
            }
            return wanted;
        });
        return instant();
    }
}

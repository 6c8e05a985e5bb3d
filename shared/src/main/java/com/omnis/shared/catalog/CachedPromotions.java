package com.omnis.shared.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Promotions read whole at most once per {@code maxAge} per container: every cart read prices
 * against them, and without this each one scanned the promotions table. The price is staleness: a
 * promotion created, changed or ended shows in carts up to {@code maxAge} later. {@link #activeAt}
 * filters the cached list at the instant asked, so a window opening or closing is exact.
 */
public final class CachedPromotions implements PromotionRepository {

    /**
     * How stale the promotions every price is computed with may be, in every function that prices (product
     * pages, carts, the 360 view, checkout): one age for all, so every channel shows a change within it.
     */
    public static final Duration MAX_AGE = Duration.ofMinutes(1);

    private record Snapshot(List<Promotion> promotions, Instant readAt) {
    }

    private final PromotionRepository repository;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Snapshot snapshot;

    /** Cached for {@link #MAX_AGE}: what the functions use. */
    public CachedPromotions(PromotionRepository repository, Clock clock) {
        this(repository, clock, MAX_AGE);
    }

    public CachedPromotions(PromotionRepository repository, Clock clock, Duration maxAge) {
        this.repository = repository;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public List<Promotion> all() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.readAt().plus(maxAge).isBefore(now)) {
            current = new Snapshot(List.copyOf(repository.all()), now);
            snapshot = current;
        }
        return current.promotions();
    }

    /** The next read goes to the table: after a write made in this container, so it shows here at once. */
    public void invalidate() {
        snapshot = null;
    }

    @Override
    public List<Promotion> activeAt(Instant at) {
        return all().stream().filter(p -> p.isActiveAt(at)).toList();
    }
}

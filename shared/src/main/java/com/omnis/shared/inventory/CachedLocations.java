package com.omnis.shared.inventory;

import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.LocationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Stores and warehouses, read at most once per {@code maxAge} per container: they change a few
 * times a year and every availability answer needs all of them.
 */
public final class CachedLocations implements Supplier<List<Location>> {

    private record Snapshot(List<Location> locations, Map<String, Location> byId, Instant readAt) {
    }

    private final LocationRepository repository;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Snapshot snapshot;

    public CachedLocations(LocationRepository repository, Clock clock, Duration maxAge) {
        this.repository = repository;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public List<Location> get() {
        return current().locations();
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.readAt().plus(maxAge).isBefore(now)) {
            List<Location> all = repository.all();
            Map<String, Location> byId = new LinkedHashMap<>();
            all.forEach(location -> byId.put(location.locationId(), location));
            current = new Snapshot(all, Collections.unmodifiableMap(byId), now);
            snapshot = current;
        }
        return current;
    }

    public Optional<Location> find(String locationId) {
        return Optional.ofNullable(byId().get(locationId));
    }

    public Map<String, Location> byId() {
        return current().byId();
    }
}

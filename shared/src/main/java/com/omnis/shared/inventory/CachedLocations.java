package com.omnis.shared.inventory;

import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.LocationRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    private record Snapshot(List<Location> locations, Instant readAt) {
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
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.readAt().plus(maxAge).isBefore(now)) {
            current = new Snapshot(repository.all(), now);
            snapshot = current;
        }
        return current.locations();
    }

    public Optional<Location> find(String locationId) {
        return Optional.ofNullable(byId().get(locationId));
    }

    public Map<String, Location> byId() {
        Map<String, Location> byId = new LinkedHashMap<>();
        get().forEach(location -> byId.put(location.locationId(), location));
        return byId;
    }
}

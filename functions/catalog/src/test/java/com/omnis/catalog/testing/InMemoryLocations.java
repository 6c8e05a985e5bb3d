package com.omnis.catalog.testing;

import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.LocationRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A fake of the location table for service tests; {@link #save} stands for the demo data that seeds it. */
public final class InMemoryLocations implements LocationRepository {

    private final Map<String, Location> locations = new TreeMap<>();

    @Override
    public Optional<Location> find(String locationId) {
        return Optional.ofNullable(locations.get(locationId));
    }

    @Override
    public List<Location> all() {
        return List.copyOf(locations.values());
    }

    public void save(Location location) {
        locations.put(location.locationId(), location);
    }
}

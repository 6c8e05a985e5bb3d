package com.omnis.shared.catalog;

import java.util.List;
import java.util.Optional;

/** Stores and warehouses. */
public interface LocationRepository {

    Optional<Location> find(String locationId);

    List<Location> all();

    void save(Location location);
}

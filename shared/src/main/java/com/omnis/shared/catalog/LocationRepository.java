package com.omnis.shared.catalog;

import java.util.List;
import java.util.Optional;

/** Stores and warehouses, as every context reads them (inventory serves stock from them, orders ship from them). */
public interface LocationRepository {

    Optional<Location> find(String locationId);

    List<Location> all();
}

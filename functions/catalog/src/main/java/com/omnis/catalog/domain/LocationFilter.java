package com.omnis.catalog.domain;

import com.omnis.shared.catalog.Location;
import java.util.Optional;

/** Which stores and warehouses a listing shows: of one type, and/or offering click &amp; collect or not. */
public record LocationFilter(Optional<Location.LocationType> type, Optional<Boolean> pickup) {

    public static final LocationFilter ALL = new LocationFilter(Optional.empty(), Optional.empty());

    public boolean matches(Location location) {
        return type.map(t -> t == location.type()).orElse(true)
                && pickup.map(p -> p == location.pickupEnabled()).orElse(true);
    }
}

package com.omnis.shared.inventory;

import com.omnis.shared.catalog.Location;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.inventory.SkuAvailability.LocationAvailability;
import com.omnis.shared.inventory.SkuAvailability.Option;
import com.omnis.shared.inventory.SkuAvailability.OptionType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one availability rule of every channel: available to a channel = sum over the locations that
 * serve it (see {@link Fulfilment}) of (on hand − reserved − safety stock for that channel), never
 * below zero per location. Same-day is offered when a store whose postal prefixes cover the
 * customer's postal code has units.
 */
public final class AvailabilityCalculator {

    private AvailabilityCalculator() {
    }

    /**
     * @param positions the SKU's stock by location id (missing = none)
     * @param locations every known location
     * @param only      restricts the answer to one location
     * @param postalCode the customer's postal code, for same-day
     */
    public static SkuAvailability of(Sku sku, Channel channel, Map<String, StockPosition> positions,
                                     List<Location> locations, Optional<String> only, Optional<String> postalCode) {
        List<LocationAvailability> perLocation = new ArrayList<>();
        List<Option> options = new ArrayList<>();
        long total = 0;
        long delivery = 0;
        List<Location> sorted = locations.stream().sorted(Comparator.comparing(Location::locationId)).toList();
        for (Location location : sorted) {
            if (only.isPresent() && !only.get().equals(location.locationId())) {
                continue;
            }
            Set<Fulfilment> ways = Fulfilment.of(location, channel);
            if (ways.isEmpty()) {
                continue;
            }
            StockPosition position = positions.getOrDefault(location.locationId(),
                    StockPosition.empty(sku, location.locationId()));
            long available = position.availableTo(channel);
            total += available;
            perLocation.add(new LocationAvailability(location.locationId(), available, ways.contains(Fulfilment.PICKUP)));
            if (available == 0) {
                continue;
            }
            if (ways.contains(Fulfilment.DELIVERY)) {
                delivery += available;
            }
            if (ways.contains(Fulfilment.PICKUP)) {
                options.add(new Option(OptionType.PICKUP, location.locationId(), available));
            }
            if (ways.contains(Fulfilment.TILL)) {
                options.add(new Option(OptionType.IN_STORE, location.locationId(), available));
            }
            if (channel != Channel.STORE && postalCode.isPresent() && coversPostalCode(location, postalCode.get())) {
                options.add(new Option(OptionType.SAME_DAY, location.locationId(), available));
            }
        }
        if (delivery > 0) {
            options.addFirst(new Option(OptionType.DELIVERY, null, delivery));
        }
        return new SkuAvailability(sku, channel, total, perLocation, options);
    }

    static boolean coversPostalCode(Location location, String postalCode) {
        if (!location.isStore()) {
            return false;
        }
        String normalised = normalise(postalCode);
        return location.sameDayPostalPrefixes().stream()
                .map(AvailabilityCalculator::normalise)
                .anyMatch(prefix -> !prefix.isEmpty() && normalised.startsWith(prefix));
    }

    private static String normalise(String postalCode) {
        return postalCode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}

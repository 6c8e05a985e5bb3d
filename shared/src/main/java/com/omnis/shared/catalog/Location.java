package com.omnis.shared.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import com.omnis.shared.domain.EnumCodes;
import com.omnis.shared.domain.LocationId;
import java.util.List;
import java.util.Map;

/**
 * A place that holds stock: the warehouse, or a store. Stores may offer click &amp; collect
 * ({@code pickupEnabled}) and ship online orders ({@code shipFromStore}); {@code sameDayPostalPrefixes}
 * lists the postal code prefixes a store delivers the same day.
 */
public record Location(String locationId, String name, LocationType type, Address address,
                       Map<String, String> openingHours, boolean pickupEnabled, boolean shipFromStore,
                       List<String> sameDayPostalPrefixes, String timezone) {

    /** In JSON {@code warehouse} or {@code store}. */
    public enum LocationType {
        WAREHOUSE, STORE;

        @JsonValue
        public String code() {
            return EnumCodes.codeOf(this);
        }

        @JsonCreator
        public static LocationType parse(String code) {
            return EnumCodes.parse(LocationType.class, code, "location type");
        }
    }

    public record Address(String line1, String postalCode, String city, String country) {
    }

    public Location {
        LocationId.of(locationId);
        openingHours = openingHours == null ? Map.of() : Map.copyOf(openingHours);
        sameDayPostalPrefixes = sameDayPostalPrefixes == null ? List.of() : List.copyOf(sameDayPostalPrefixes);
    }

    @JsonIgnore
    public boolean isStore() {
        return type == LocationType.STORE;
    }
}

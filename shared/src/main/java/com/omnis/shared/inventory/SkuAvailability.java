package com.omnis.shared.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import java.util.List;

/**
 * What a channel can sell of a SKU: the total, the figure of each location serving the channel,
 * and the ways the customer can get it (delivery, pickup at a store, same-day, in store at the till).
 */
public record SkuAvailability(Sku sku, Channel channel, long available, List<LocationAvailability> locations,
                              List<Option> options) {

    public SkuAvailability {
        locations = List.copyOf(locations);
        options = List.copyOf(options);
    }

    /** One location's contribution; {@code pickup} tells whether click &amp; collect is possible there. */
    public record LocationAvailability(String locationId, long available, boolean pickup) {
    }

    /** A way to get the units; {@code locationId} names the store for pickup, same-day and in-store. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Option(OptionType type, String locationId, long available) {
    }

    public enum OptionType {
        DELIVERY("delivery"), PICKUP("pickup"), SAME_DAY("same-day"), IN_STORE("in-store");

        private final String code;

        OptionType(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }
}

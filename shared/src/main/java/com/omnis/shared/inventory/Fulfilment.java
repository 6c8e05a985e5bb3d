package com.omnis.shared.inventory;

import com.omnis.shared.catalog.Location;
import com.omnis.shared.domain.Channel;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a location's stock reaches a channel. Warehouses deliver for the remote channels (web,
 * mobile, call centre, kiosk); a store delivers too when it ships from store, offers click &amp;
 * collect when pickup is enabled, and its own stock is what its till ({@code store} channel) sells.
 */
public enum Fulfilment {
    DELIVERY, PICKUP, TILL;

    public static Set<Fulfilment> of(Location location, Channel channel) {
        Set<Fulfilment> ways = EnumSet.noneOf(Fulfilment.class);
        if (channel == Channel.STORE) {
            if (location.isStore()) {
                ways.add(TILL);
            }
            return ways;
        }
        if (!location.isStore() || location.shipFromStore()) {
            ways.add(DELIVERY);
        }
        if (location.isStore() && location.pickupEnabled()) {
            ways.add(PICKUP);
        }
        return ways;
    }

    public static boolean serves(Location location, Channel channel) {
        return !of(location, channel).isEmpty();
    }
}

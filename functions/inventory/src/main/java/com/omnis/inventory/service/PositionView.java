package com.omnis.inventory.service;

import com.omnis.shared.catalog.Location;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.inventory.Fulfilment;
import com.omnis.shared.inventory.PositionSettings;
import com.omnis.shared.inventory.StockPosition;
import java.util.EnumMap;
import java.util.Map;

/**
 * The stock of a SKU at a location as staff see it: {@code available} = on hand − reserved, and
 * what each channel the location serves is offered after safety stock.
 */
public record PositionView(String sku, String locationId, long onHand, long reserved, long available, long inTransit,
                           Map<Channel, Long> safetyStock, long lowStockThreshold, int shards,
                           Map<Channel, Long> availableByChannel) {

    public static PositionView of(StockPosition position, Location location) {
        PositionSettings settings = position.settings();
        Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
        if (location != null) {
            for (Channel channel : Channel.values()) {
                if (Fulfilment.serves(location, channel)) {
                    byChannel.put(channel, position.availableTo(channel));
                }
            }
        }
        return new PositionView(position.sku().value(), position.locationId(), position.onHand(), position.reserved(),
                position.free(), position.inTransit(), settings.safetyStock(), settings.lowStockThreshold(),
                Math.max(1, position.shards().size()), byChannel);
    }
}

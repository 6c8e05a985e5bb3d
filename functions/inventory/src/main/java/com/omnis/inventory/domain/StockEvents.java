package com.omnis.inventory.domain;

import com.omnis.shared.domain.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The payloads of the events inventory publishes (detail of the {@code DomainEvent} envelope). */
public final class StockEvents {

    public static final String SOURCE = "omnis.inventory";
    public static final String STOCK_CHANGED = "StockChanged";
    public static final String LOW_STOCK = "LowStock";
    public static final String BACK_IN_STOCK = "BackInStock";
    public static final String RESERVATION_EXPIRED = "ReservationExpired";

    private StockEvents() {
    }

    public record Figure(long before, long after) {
    }

    /**
     * The stock of a SKU at a location changed. {@code available} gives, for each channel the location
     * serves, what the location offers that channel before and after; {@code reference} is the movement
     * or reservation id.
     */
    public record StockChanged(String sku, String locationId, String reason, String reference, Figure onHand,
                               Figure reserved, Figure inTransit, Map<Channel, Figure> available) {
    }

    /** Free units (on hand − reserved) of a SKU at a location fell below its low-stock threshold. */
    public record LowStock(String sku, String locationId, long available, long threshold) {
    }

    /** A channel had none of a SKU and now has some. */
    public record BackInStock(String sku, Channel channel, long available) {
    }

    /** A hold ran out before being committed; its units went back to stock. */
    public record ReservationExpired(String reservationId, Channel channel, String reference, Instant expiresAt,
                                     List<Line> lines) {
        public record Line(String sku, String locationId, long quantity) {
        }
    }
}

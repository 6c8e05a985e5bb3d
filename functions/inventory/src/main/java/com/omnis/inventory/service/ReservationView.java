package com.omnis.inventory.service;

import com.omnis.inventory.domain.Allocation;
import com.omnis.inventory.domain.Reservation;
import com.omnis.inventory.domain.ReservationStatus;
import com.omnis.shared.domain.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reservation as its owner sees it: one line per SKU and location (shards are an internal detail);
 * {@code orderId} once an order committed it.
 */
public record ReservationView(String id, ReservationStatus status, Channel channel, String reference,
                              Instant createdAt, Instant expiresAt, String orderId, List<Line> lines) {

    public record Line(String sku, long quantity, String locationId) {
    }

    public static ReservationView of(Reservation reservation) {
        Map<String, Line> lines = new LinkedHashMap<>();
        for (Allocation a : reservation.allocations()) {
            lines.merge(a.sku().value() + "@" + a.locationId(), new Line(a.sku().value(), a.quantity(), a.locationId()),
                    (x, y) -> new Line(x.sku(), x.quantity() + y.quantity(), x.locationId()));
        }
        return new ReservationView(reservation.id(), reservation.status(), reservation.channel(),
                reservation.reference(), reservation.createdAt(), reservation.expiresAt(), reservation.orderId(),
                new ArrayList<>(lines.values()));
    }
}

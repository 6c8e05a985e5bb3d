package com.omnis.orders.service;

import com.omnis.orders.domain.FulfilmentState;
import com.omnis.orders.domain.Order;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pickup schedule: a ready pickup not collected by its deadline (N days per store, set when it
 * became ready) expires and its units go back on the store's stock; one day before, once, a
 * {@code PickupReminderDue} event lets notifications remind the customer.
 */
public final class PickupService {

    private static final Logger LOG = LoggerFactory.getLogger(PickupService.class);
    static final Duration REMINDER_BEFORE = Duration.ofDays(1);

    public record Sweep(int reminded, int expired) {
    }

    private final OrderStore store;
    private final OrderService orders;
    private final java.util.function.Supplier<java.util.List<com.omnis.shared.catalog.Location>> locations;
    private final Clock clock;

    public PickupService(OrderStore store, OrderService orders,
                         java.util.function.Supplier<java.util.List<com.omnis.shared.catalog.Location>> locations, Clock clock) {
        this.store = store;
        this.orders = orders;
        this.locations = locations;
        this.clock = clock;
    }

    public Sweep sweep(int limit, String correlationId) {
        int reminded = 0;
        int expired = 0;
        for (FulfilmentEntry entry : store.readyForPickup(locations.get().stream()
                .filter(l -> l.isStore() && l.pickupEnabled()).map(l -> l.locationId()).toList(), limit)) {
            Instant now = clock.instant();
            if (entry.pickupDeadline() == null) {
                continue;
            }
            try {
                java.util.concurrent.atomic.AtomicBoolean changed = new java.util.concurrent.atomic.AtomicBoolean();
                if (!now.isBefore(entry.pickupDeadline())) {
                    orders.change(entry.orderId(), correlationId, order -> record(changed, expire(order, entry.fulfilmentId(), now)),
                            Optional.empty(), Optional.empty());
                    expired += changed.get() ? 1 : 0;
                } else if (!now.isBefore(entry.pickupDeadline().minus(REMINDER_BEFORE))) {
                    orders.change(entry.orderId(), correlationId,
                            order -> record(changed, order.remindPickup(entry.fulfilmentId(), now)), Optional.empty(), Optional.empty());
                    reminded += changed.get() ? 1 : 0;
                }
            } catch (RuntimeException e) {
                LOG.error("pickup {} of order {} not swept; the next run retries", entry.fulfilmentId(), entry.orderId(), e);
            }
        }
        return new Sweep(reminded, expired);
    }

    private static Order.Change record(java.util.concurrent.atomic.AtomicBoolean changed, Order.Change change) {
        changed.set(change.changed());
        return change;
    }

    private static Order.Change expire(Order order, String fulfilmentId, Instant now) {
        var fulfilment = order.fulfilment(fulfilmentId).orElseThrow();
        if (fulfilment.state() != FulfilmentState.READY_FOR_PICKUP) {
            return new Order.Change(order, java.util.List.of(), java.util.List.of(), false);
        }
        return order.moveFulfilment(fulfilmentId, FulfilmentState.EXPIRED, null, null, Duration.ZERO, now, "pickup-schedule");
    }
}

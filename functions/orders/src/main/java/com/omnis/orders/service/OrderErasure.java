package com.omnis.orders.service;

import com.omnis.orders.domain.Order;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.metrics.Metrics;
import com.omnis.shared.privacy.Erasure;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The orders context's part of a customer's erasure: every order of the customer is anonymised
 * ({@link Order#anonymised}: the tax record stays, the person goes, and the order leaves the customer's
 * listing), then the part is answered with {@code ErasurePartCompleted}. The customers function let the
 * erasure go ahead only once nothing was open, so no order is still moving. A redelivered event finds no
 * order left under the customer and answers again, with zero.
 */
public final class OrderErasure {

    public static final String PART = "orders";
    public static final String SOURCE = "omnis.orders";
    private static final int PAGE = 100;

    private final OrderStore store;
    private final Clock clock;
    private final Retry retry;
    private final Metrics metrics;

    public OrderErasure(OrderStore store, Clock clock, Retry retry, Metrics metrics) {
        this.store = store;
        this.clock = clock;
        this.retry = retry;
        this.metrics = metrics;
    }

    public Erasure.PartCompleted erase(Erasure.Approved approved, String correlationId) {
        // the ids first: the listing index follows the writes late, so it is not read while they happen
        List<String> orderIds = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Order> page = store.customerOrders(approved.customerId().value(), PAGE, cursor);
            page.items().forEach(order -> orderIds.add(order.orderId()));
            cursor = Optional.ofNullable(page.nextCursor());
        } while (cursor.isPresent());
        int anonymised = 0;
        for (String orderId : orderIds) {
            anonymised += anonymise(orderId) ? 1 : 0;
        }
        Instant now = clock.instant();
        Erasure.PartCompleted done = new Erasure.PartCompleted(approved.customerId(), approved.requestId(), PART, now,
                Map.of("ordersAnonymised", anonymised));
        store.publish(List.of(Erasure.partCompleted(SOURCE, done, correlationId)));
        metrics.count("OrdersAnonymised", anonymised);
        return done;
    }

    private boolean anonymise(String orderId) {
        return retry.run(() -> {
            Optional<Order> order = store.find(orderId);
            if (order.isEmpty()) {
                return false;
            }
            Order.Change change = order.get().anonymised(clock.instant());
            if (change.changed()) {
                store.save(order.get(), change, List.<DomainEvent>of(), Optional.empty(), Optional.empty());
            }
            return change.changed();
        });
    }
}

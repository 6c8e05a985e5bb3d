package com.omnis.notifications.service;

import com.omnis.notifications.domain.OrderSummary;
import java.util.Optional;

/** The orders notifications has heard of (from {@code OrderPlaced}). */
public interface OrderBook {

    /** Idempotent: a redelivered {@code OrderPlaced} writes the same summary again. */
    void remember(OrderSummary order);

    Optional<OrderSummary> find(String orderId);
}

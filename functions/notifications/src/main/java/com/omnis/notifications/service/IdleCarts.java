package com.omnis.notifications.service;

import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Known customers' open carts that nobody touched for a while (a read port on the carts' table). */
public interface IdleCarts {

    record IdleCart(String cartId, String customerId, Instant updatedAt, List<Line> lines) {
        public record Line(Sku sku, int quantity) {
        }
    }

    /** Active carts of signed-in customers, with items, last changed between {@code from} and {@code to}. */
    List<IdleCart> idleBetween(Instant from, Instant to, int limit);

    /** The cart as it is now, if it is still active, unchanged since {@code updatedAt}: not ordered, not touched. */
    Optional<IdleCart> stillIdle(String cartId, Instant updatedAt);
}

package com.omnis.notifications.domain;

import com.omnis.shared.domain.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What notifications remembers of an order from its {@code OrderPlaced} event: the later events of the
 * order carry its id and number, not whom to tell, so the customer comes from here.
 *
 * @param customerId null for a guest's order
 */
public record OrderSummary(String orderId, String number, String customerId, Money total, List<Line> lines,
                           Instant placedAt) {

    public record Line(String sku, int quantity, Money lineTotal) {
    }

    public OrderSummary {
        lines = List.copyOf(lines);
    }

    /** The customer to tell; empty for a guest. */
    public Optional<String> customer() {
        return Optional.ofNullable(customerId);
    }
}

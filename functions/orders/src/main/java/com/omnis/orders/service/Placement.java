package com.omnis.orders.service;

import com.omnis.orders.domain.Order;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.events.DomainEvent;
import java.util.List;

/**
 * Everything one checkout writes, all or nothing: the order (and its number, fulfilment index items,
 * payment reference), the cart closed at {@code cartVersion}, the stock taken, the idempotency record
 * completed, and the order's events in the outbox. {@code stockChannel} is whose safety stock the takes keep back.
 */
public record Placement(Order order, long cartVersion, Channel stockChannel, List<StockTake> takes, CheckoutIdempotency.Completion completion,
                        List<DomainEvent> events) {

    public Placement {
        takes = List.copyOf(takes);
        events = List.copyOf(events);
    }
}

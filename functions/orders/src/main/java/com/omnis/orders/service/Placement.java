package com.omnis.orders.service;

import com.omnis.orders.domain.Order;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.inventory.StockPosition;
import java.util.List;
import java.util.Map;

/**
 * Everything one checkout writes, all or nothing: the order (and its number, fulfilment index items,
 * payment reference), the cart closed at {@code cartVersion}, the stock taken, the idempotency record
 * completed, and the order's events in the outbox. {@code stockChannel} is whose safety stock the takes keep back;
 * {@code sourcedOn} the stock positions sourcing decided on (read once: the takes are conditioned on their versions).
 */
public record Placement(Order order, long cartVersion, Channel stockChannel, List<StockTake> takes,
                        Map<Sku, Map<String, StockPosition>> sourcedOn, CheckoutIdempotency.Completion completion,
                        List<DomainEvent> events) {

    public Placement {
        takes = List.copyOf(takes);
        sourcedOn = Map.copyOf(sourcedOn);
        events = List.copyOf(events);
    }
}

package com.omnis.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.omnis.orders.service.OrderErasure;
import com.omnis.shared.config.Settings;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import com.omnis.shared.lambda.Invocation;
import com.omnis.shared.metrics.Metrics;
import com.omnis.shared.privacy.Erasure;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The target of the orders' privacy rule on the bus: an approved erasure anonymises the customer's orders
 * and answers the orders part. Another event type is ignored (the rule matches only this one). A failure
 * is thrown: the rule's RetryPolicy delivers the event again, then its dead-letter queue keeps it.
 */
public final class OrdersPrivacyHandler implements RequestHandler<ScheduledEvent, OrdersPrivacyHandler.Report> {

    private static final Logger LOG = LoggerFactory.getLogger(OrdersPrivacyHandler.class);

    /** What one event gave: its type and the counts of the part ({@code ordersAnonymised}), empty when ignored. */
    public record Report(String eventType, Map<String, Integer> counts) {
    }

    private final OrderErasure erasure;
    private final Invocation invocation;

    public OrdersPrivacyHandler() {
        this(Orders.fromSettings(Settings.current()).erasure(), Invocation.of(Settings.current()));
    }

    public OrdersPrivacyHandler(OrderErasure erasure) {
        this(erasure, new Invocation(Optional.empty(), Metrics.NONE));
    }

    OrdersPrivacyHandler(OrderErasure erasure, Invocation invocation) {
        this.erasure = erasure;
        this.invocation = invocation;
    }

    @Override
    public Report handleRequest(ScheduledEvent event, Context context) {
        return invocation.runWithCorrelationId(context, event.getId(), () -> handle(event));
    }

    private Report handle(ScheduledEvent event) {
        DomainEvent domainEvent = DomainEvent.fromDetail(Json.MAPPER.valueToTree(event.getDetail()));
        if (!Erasure.APPROVED.equals(domainEvent.type())) {
            return new Report(domainEvent.type(), Map.of());
        }
        Erasure.Approved approved = domainEvent.dataAs(Erasure.Approved.class);
        Erasure.PartCompleted done = erasure.erase(approved, domainEvent.correlationId());
        LOG.info("erasure {}: orders part done {}", approved.requestId(), done.counts());
        return new Report(domainEvent.type(), done.counts());
    }
}

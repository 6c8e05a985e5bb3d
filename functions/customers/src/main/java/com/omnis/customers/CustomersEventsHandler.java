package com.omnis.customers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.omnis.customers.domain.PrivacyRequest;
import com.omnis.customers.service.ContactCentreEvents;
import com.omnis.shared.config.Settings;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import com.omnis.shared.privacy.Erasure;
import com.omnis.shared.lambda.Invocation;
import com.omnis.shared.metrics.Metrics;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The target of the customers rule on the bus: every context's events about a customer become facts of
 * their timeline; an approved erasure erases the customer's record, and the other contexts' answers
 * complete it. A failure is thrown: the rule's RetryPolicy delivers the event again, then its
 * dead-letter queue keeps it.
 */
public final class CustomersEventsHandler implements RequestHandler<ScheduledEvent, CustomersEventsHandler.Report> {

    private static final Logger LOG = LoggerFactory.getLogger(CustomersEventsHandler.class);

    /** What one event gave: its type and what the projection did ({@code added}, {@code already-there}, …). */
    public record Report(String eventType, String outcome) {
    }

    private final Customers customers;
    private final Invocation invocation;

    public CustomersEventsHandler() {
        this(Customers.fromSettings(Settings.current()), Invocation.of(Settings.current()));
    }

    public CustomersEventsHandler(Customers customers) {
        this(customers, new Invocation(Optional.empty(), Metrics.NONE));
    }

    CustomersEventsHandler(Customers customers, Invocation invocation) {
        this.customers = customers;
        this.invocation = invocation;
    }

    @Override
    public Report handleRequest(ScheduledEvent event, Context context) {
        return invocation.runWithCorrelationId(context, event.getId(), () -> handle(event));
    }

    private Report handle(ScheduledEvent event) {
        // Amazon Connect's events are not Omnis envelopes: told apart by their source before parsing
        if (ContactCentreEvents.SOURCE.equals(event.getSource())) {
            String outcome = customers.contactCentre().on(Json.MAPPER.valueToTree(event.getDetail()), event.getId())
                    .name().toLowerCase().replace('_', '-');
            LOG.info("{} {}: {}", event.getDetailType(), event.getId(), outcome);
            return new Report(event.getDetailType(), outcome);
        }
        DomainEvent domainEvent = DomainEvent.fromDetail(Json.MAPPER.valueToTree(event.getDetail()));
        String outcome = switch (domainEvent.type()) {
            case Erasure.APPROVED -> state(customers.erasure().onApproved(
                    domainEvent.dataAs(Erasure.Approved.class)));
            case Erasure.PART_COMPLETED -> state(customers.erasure().onPartCompleted(
                    domainEvent.dataAs(Erasure.PartCompleted.class)));
            default -> customers.projection().on(domainEvent).name().toLowerCase().replace('_', '-');
        };
        LOG.info("{} {}: {}", domainEvent.type(), domainEvent.id(), outcome);
        return new Report(domainEvent.type(), outcome);
    }

    private static String state(Optional<PrivacyRequest> request) {
        return request.map(r -> "erasure " + r.state().code() + " " + r.partsDone()).orElse("no such erasure");
    }
}

package com.omnis.notifications;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.notifications.domain.Suppression;
import com.omnis.notifications.service.MessageErasure;
import com.omnis.notifications.service.Notifier;
import com.omnis.shared.config.Settings;
import com.omnis.shared.lambda.Invocation;
import com.omnis.shared.metrics.Metrics;
import java.util.Optional;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import com.omnis.shared.privacy.Erasure;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The target of the notifications rules on the bus: the orders', inventory's and carts' domain events (the
 * {@code DomainEvent} envelope in {@code detail}), the customers' {@code ErasureApproved} (this context's
 * part of an erasure, answered with {@code ErasurePartCompleted}), and SES' bounce and complaint events
 * (default bus).
 * A failure is thrown: the rule's RetryPolicy delivers the event again, then its dead-letter queue keeps it.
 */
public final class NotificationsHandler implements RequestHandler<ScheduledEvent, NotificationsHandler.Report> {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationsHandler.class);

    /** What one event gave, per channel: {@code sent}, {@code deferred}, {@code suppressed}, or why nothing happened. */
    public record Report(String eventType, List<String> outcomes) {
    }

    private final Notifications notifications;
    private final Invocation invocation;

    public NotificationsHandler() {
        this(Settings.current(), Invocation.of(Settings.current()));
    }

    private NotificationsHandler(Settings settings, Invocation invocation) {
        this(Notifications.forBusEvents(settings, invocation.metrics()), invocation);
    }

    public NotificationsHandler(Notifications notifications) {
        this(notifications, new Invocation(Optional.empty(), Metrics.NONE));
    }

    NotificationsHandler(Notifications notifications, Invocation invocation) {
        this.notifications = notifications;
        this.invocation = invocation;
    }

    @Override
    public Report handleRequest(ScheduledEvent event, Context context) {
        return invocation.runWithCorrelationId(context, event.getId(), () -> handle(event));
    }

    private Report handle(ScheduledEvent event) {
        JsonNode detail = Json.MAPPER.valueToTree(event.getDetail());
        if ("aws.ses".equals(event.getSource())) {
            return new Report(event.getDetailType(), sesEvent(detail));
        }
        DomainEvent domainEvent = DomainEvent.fromDetail(detail);
        if ("omnis.customers".equals(event.getSource()) && Erasure.APPROVED.equals(domainEvent.type())) {
            return new Report(domainEvent.type(), List.of(erasure(domainEvent)));
        }
        List<Notifier.Outcome> outcomes = switch (event.getSource()) {
            case "omnis.orders" -> notifications.orders().on(domainEvent);
            case "omnis.inventory" -> notifications.stock().on(domainEvent);
            case "omnis.carts" -> notifications.sentCarts().on(domainEvent);
            default -> List.of();
        };
        return new Report(domainEvent.type(), outcomes.stream().map(o -> o.channel().code() + ": " + o.note()).toList());
    }

    private String erasure(DomainEvent event) {
        MessageErasure erasure = notifications.erasure()
                .orElseThrow(() -> new IllegalStateException("this function was wired without the outbox: it cannot answer erasures"));
        Erasure.PartCompleted done = erasure.onApproved(event.dataAs(Erasure.Approved.class), event.correlationId());
        return "erased: " + done.counts();
    }

    /** SES v2 event destinations: {@code eventType} Bounce (permanent ones only) or Complaint, with their recipients. */
    private List<String> sesEvent(JsonNode detail) {
        String type = detail.path("eventType").asText();
        if (type.equals("Bounce") && detail.path("bounce").path("bounceType").asText().equals("Permanent")) {
            detail.path("bounce").path("bouncedRecipients").forEach(recipient ->
                    notifications.suppressions().suppress(recipient.path("emailAddress").asText(), Suppression.BOUNCED));
            return List.of("bounced");
        }
        if (type.equals("Complaint")) {
            detail.path("complaint").path("complainedRecipients").forEach(recipient ->
                    notifications.suppressions().suppress(recipient.path("emailAddress").asText(), Suppression.COMPLAINED));
            return List.of("complained");
        }
        LOG.info("SES event {} needs nothing", type);
        return List.of();
    }
}

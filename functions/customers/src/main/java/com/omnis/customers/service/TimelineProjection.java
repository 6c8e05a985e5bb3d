package com.omnis.customers.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.customers.domain.TimelineEntry;
import com.omnis.customers.domain.TimelineSummaries;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.customer.CustomerProfile;
import com.omnis.shared.customer.Language;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.privacy.PersonalData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the events of every context into facts of the customer's timeline: one entry per event, keyed
 * by the event's id (a redelivery writes nothing) and sorted by when it happened (an event arriving late
 * takes its place). Events of guests, of types that are not facts for the customer, or of a customer
 * whose data was erased are skipped. A sealed reason ({@code pd:v1:…}) is opened with the customer's data key;
 * one that no longer opens (the key destroyed) gives the neutral summary ({@code <type>.unreadable}).
 */
public final class TimelineProjection {

    /** What the projection did with an event. */
    public enum Outcome { ADDED, ALREADY_THERE, NO_CUSTOMER, NOT_A_FACT, ERASED }

    /** The ids an entry refers to, as named in the events' data; {@code number} is the order number. */
    private static final Map<String, String> REFERENCES = Map.of("orderId", "orderId", "number", "orderNumber",
            "sku", "sku", "interactionId", "interactionId", "fulfilmentId", "fulfilmentId", "returnId", "returnId",
            "claimId", "claimId", "cartId", "cartId");

    private final CustomerStore customers;
    private final ActivityStore activity;
    /** The event types whose summary shows their (sealed) {@code reason}: only those open it. */
    private static final Set<String> SHOWS_REASON = Set.of("InteractionRecorded");

    private final TimelineSummaries summaries;
    private final PersonalData personalData;

    public TimelineProjection(CustomerStore customers, ActivityStore activity, TimelineSummaries summaries,
                              PersonalData personalData) {
        this.customers = customers;
        this.activity = activity;
        this.summaries = summaries;
        this.personalData = personalData;
    }

    public Outcome on(DomainEvent event) {
        JsonNode data = event.data();
        Optional<CustomerId> customer = customerOf(data);
        if (customer.isEmpty()) {
            return Outcome.NO_CUSTOMER;
        }
        if (customers.erased(customer.get())) {
            return Outcome.ERASED;
        }
        Language language = customers.profile(customer.get()).map(CustomerProfile::languageOrFallback)
                .orElse(Language.FALLBACK);
        String key = summaryKey(event);
        String reason = null;
        if (SHOWS_REASON.contains(event.type())) {
            reason = personalData.read(customer.get(), text(data, "reason")).orElse(null);
            key = reason == null ? key + ".unreadable" : key;
        }
        Optional<String> summary = summaries.summary(key, language, text(data, "number"),
                text(data, "channel"), text(data, "sku"), text(data, "purpose"), text(data, "channel"),
                reason, text(data, "paymentStatus"));
        if (summary.isEmpty()) {
            return Outcome.NOT_A_FACT;
        }
        TimelineEntry entry = new TimelineEntry(customer.get(), event.occurredAt(), event.id(), event.type(),
                channelOf(data), actorOf(event, customer.get()), summary.get(), references(data));
        return activity.appendToTimeline(entry) ? Outcome.ADDED : Outcome.ALREADY_THERE;
    }

    private static String summaryKey(DomainEvent event) {
        if (event.type().equals("ConsentChanged")) {
            return event.data().path("granted").asBoolean() ? "ConsentChanged.granted" : "ConsentChanged.withdrawn";
        }
        return event.type();
    }

    private static Optional<CustomerId> customerOf(JsonNode data) {
        String id = text(data, "customerId");
        try {
            return id == null ? Optional.empty() : Optional.of(CustomerId.of(id));
        } catch (IllegalArgumentException notACustomer) {
            return Optional.empty();
        }
    }

    /** The touchpoint the customer used when the event names one, else the channel of the order or contact. */
    private static String channelOf(JsonNode data) {
        String touchpoint = text(data, "touchpoint");
        return touchpoint != null ? touchpoint : text(data, "channel");
    }

    /**
     * Who did it: the event's {@code actor} when it names one (consents, interactions), who placed an
     * order, the customer for what only they do (saving an item), else the system that reported it.
     */
    private static Actor actorOf(DomainEvent event, CustomerId customer) {
        JsonNode data = event.data();
        try {
            if (data.has("actor")) {
                return new Actor(Actor.Kind.of(data.path("actor").path("kind").asText()),
                        data.path("actor").path("id").asText());
            }
            if (data.has("placedBy")) {
                String subject = data.path("placedBy").path("subject").asText(customer.value());
                return switch (data.path("placedBy").path("role").asText()) {
                    case "store-staff" -> new Actor(Actor.Kind.STAFF, subject);
                    case "agent" -> new Actor(Actor.Kind.AGENT, subject);
                    default -> Actor.customer(customer);
                };
            }
        } catch (IllegalArgumentException unknownActor) {
            // a newer producer's actor kind: fall through to the system
        }
        if (event.type().startsWith("Item")) {
            return Actor.customer(customer);
        }
        return new Actor(Actor.Kind.SYSTEM, event.source());
    }

    private static Map<String, String> references(JsonNode data) {
        Map<String, String> refs = new LinkedHashMap<>();
        REFERENCES.forEach((field, ref) -> {
            String value = text(data, field);
            if (value != null) {
                refs.put(ref, value);
            }
        });
        return refs;
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }
}

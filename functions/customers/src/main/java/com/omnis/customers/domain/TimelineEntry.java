package com.omnis.customers.domain;

import com.omnis.shared.customer.Actor;
import com.omnis.shared.domain.CustomerId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One fact of a customer's timeline, projected from one event: when it happened, what ({@code type},
 * the event's), through which channel (a touchpoint code or an interaction channel; null when none),
 * who did it, a short summary in the customer's language, and the ids it refers to ({@code orderId},
 * {@code orderNumber}, {@code sku}, {@code interactionId}, …). {@code eventId} is the envelope's id:
 * the same event projected twice is the same entry.
 */
public record TimelineEntry(CustomerId customerId, Instant occurredAt, String eventId, String type, String channel,
                            Actor actor, String summary, Map<String, String> refs) {

    public TimelineEntry {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(summary, "summary");
        refs = Map.copyOf(refs);
    }
}

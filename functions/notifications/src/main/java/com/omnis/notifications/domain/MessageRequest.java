package com.omnis.notifications.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One message a reaction asks for: what (kind), to whom (a customer), because of which event, with the
 * values its template shows ({@link com.omnis.shared.domain.Money} and {@link Instant} values are written
 * for the customer's language when rendered).
 *
 * @param eventId the domain event's id (stable across redeliveries), or the schedule's own key
 *                ({@code cart:<cartId>}); with kind, channel and customer it names the message once
 * @param reference what the message is about, for the customer's log and the agent: {@code order/<id>},
 *                  {@code cart/<id>}, {@code sku/<sku>}; null when nothing in particular
 */
public record MessageRequest(String eventId, String eventType, Instant eventAt, MessageKind kind, String customerId,
                             Map<String, Object> model, String reference) {

    public MessageRequest(String eventId, String eventType, Instant eventAt, MessageKind kind, String customerId,
                          Map<String, Object> model) {
        this(eventId, eventType, eventAt, kind, customerId, model, null);
    }

    public MessageRequest {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(eventAt, "eventAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customerId, "customerId");
        model = Map.copyOf(model);
    }

    public ClaimKey claimKey(MessageChannel channel) {
        return new ClaimKey(eventId, kind, channel, customerId);
    }
}

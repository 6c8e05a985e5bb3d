package com.omnis.notifications.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of a customer's delivery log ({@code GET /me/messages}): what the policy decided for one
 * message on one channel, when, why, which event asked for it and what it is about.
 *
 * @param reference {@code order/<id>}, {@code cart/<id>}, {@code sku/<sku>}; empty on lines logged before it was kept
 */
public record Delivery(String customerId, Instant at, MessageKind kind, MessageChannel channel,
                       Decision.Outcome outcome, String reason, String eventId, String eventType,
                       Optional<Instant> notBefore, Optional<String> subject, Optional<String> reference) {

    public Delivery {
        reference = reference == null ? Optional.empty() : reference;
    }
}

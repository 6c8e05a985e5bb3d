package com.omnis.notifications.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of a customer's delivery log ({@code GET /me/messages}): what the policy decided for one
 * message on one channel, when, why, and which event asked for it.
 */
public record Delivery(String customerId, Instant at, MessageKind kind, MessageChannel channel,
                       Decision.Outcome outcome, String reason, String eventId, String eventType,
                       Optional<Instant> notBefore, Optional<String> subject) {
}

package com.omnis.customers.domain;

import com.omnis.shared.customer.Actor;
import com.omnis.shared.domain.CustomerId;
import java.time.Instant;
import java.util.Objects;

/**
 * A contact with the customer recorded by an agent or store staff (or a contact-centre event):
 * through which channel, why, what was said and done, how it ended, by whom, at which store.
 */
public record Interaction(String interactionId, CustomerId customerId, InteractionChannel channel, String reason,
                          String summary, InteractionOutcome outcome, Actor actor, String storeId, Instant at) {

    public static final int MAX_REASON = 100;
    public static final int MAX_SUMMARY = 2000;
    public static final String REASON_RULE = "is 1 to " + MAX_REASON + " characters without control characters";
    public static final String SUMMARY_RULE = "is 1 to " + MAX_SUMMARY + " characters";

    public Interaction {
        Objects.requireNonNull(interactionId, "interactionId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        reason = reason(reason);
        summary = summary(summary);
    }

    /** A reason as typed: trimmed, one line. */
    public static String reason(String raw) {
        String reason = raw == null ? "" : raw.strip();
        if (reason.isEmpty() || reason.length() > MAX_REASON || reason.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(REASON_RULE);
        }
        return reason;
    }

    /** A summary as typed: trimmed; line breaks allowed, other control characters not. */
    public static String summary(String raw) {
        String summary = raw == null ? "" : raw.strip();
        if (summary.isEmpty() || summary.length() > MAX_SUMMARY
                || summary.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new IllegalArgumentException(SUMMARY_RULE);
        }
        return summary;
    }
}

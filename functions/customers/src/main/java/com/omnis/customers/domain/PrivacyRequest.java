package com.omnis.customers.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.EnumCodes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A data subject's request (GDPR articles 15, 17 and 20): an export of everything held about them, or the
 * erasure of it. It holds no personal data (ids, dates, states, counts), so it outlives the erasure as
 * the record of what was asked, by whom, and what was done.
 *
 * <p>An export is {@code ready} at once. An erasure is {@code waiting} while something must finish first
 * ({@code waitingFor}, until {@code waitUntil} when known), then {@code erasing} while each context erases
 * its part, then {@code completed} when every part in {@link #ERASURE_PARTS} answered.
 */
public record PrivacyRequest(String requestId, CustomerId customerId, Type type, State state, Actor requestedBy,
                             Instant requestedAt, Instant updatedAt, List<Blocker> waitingFor, Instant waitUntil,
                             Set<String> partsDone, Instant completedAt, int documentChunks, Instant documentExpiresAt) {

    /** The contexts that hold personal data and answer an {@code ErasureApproved}: customers erases its own partition. */
    public static final List<String> ERASURE_PARTS = com.omnis.shared.privacy.Erasure.PARTS;

    public enum Type {
        EXPORT, ERASURE;

        @JsonValue
        public String code() {
            return EnumCodes.codeOf(this);
        }

        @JsonCreator
        public static Type of(String code) {
            return EnumCodes.parse(Type.class, code, "privacy request type");
        }
    }

    public enum State {
        READY, WAITING, ERASING, COMPLETED;

        @JsonValue
        public String code() {
            return EnumCodes.codeOf(this);
        }

        public static State of(String code) {
            return EnumCodes.parse(State.class, code, "privacy request state");
        }
    }

    /** Something that must finish before an erasure: an open order, a return, a payment dispute window. */
    public record Blocker(String orderId, String orderNumber, String reason, Instant until) {
    }

    public PrivacyRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requestedBy, "requestedBy");
        waitingFor = waitingFor == null ? List.of() : List.copyOf(waitingFor);
        partsDone = partsDone == null ? Set.of() : Set.copyOf(new TreeSet<>(partsDone));
    }

    /** How soon a waiting erasure whose end is not known (an order still moving) is looked at again. */
    public static final java.time.Duration RETRY_UNKNOWN = java.time.Duration.ofDays(1);

    /** When the schedule looks at a waiting erasure again: when what it waits for ends, or a day on when unknown. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public java.util.Optional<Instant> retryAt() {
        if (type != Type.ERASURE || state != State.WAITING) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(waitUntil != null ? waitUntil : updatedAt.plus(RETRY_UNKNOWN));
    }

    public boolean open() {
        return type == Type.ERASURE && (state == State.WAITING || state == State.ERASING);
    }

    /** The same erasure, waiting for {@code blockers}: until the latest known end, or unknown when one has none. */
    public PrivacyRequest waiting(List<Blocker> blockers, Instant at) {
        Instant until = blockers.stream().anyMatch(b -> b.until() == null) ? null
                : blockers.stream().map(Blocker::until).max(Instant::compareTo).orElse(null);
        return new PrivacyRequest(requestId, customerId, type, State.WAITING, requestedBy, requestedAt, at, blockers,
                until, partsDone, null, 0, null);
    }

    public PrivacyRequest erasing(Instant at) {
        return new PrivacyRequest(requestId, customerId, type, State.ERASING, requestedBy, requestedAt, at, List.of(),
                null, partsDone, null, 0, null);
    }
}

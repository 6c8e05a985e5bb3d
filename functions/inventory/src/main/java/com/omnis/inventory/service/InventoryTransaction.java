package com.omnis.inventory.service;

import com.omnis.inventory.domain.Reservation;
import com.omnis.inventory.domain.StockPlan;
import com.omnis.inventory.domain.Transfer;
import com.omnis.shared.events.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One atomic write: stock records, at most one reservation and one transfer, the completion of the
 * idempotency record of the request, and the outbox item carrying the events, so that an event
 * exists if and only if its change committed.
 */
public record InventoryTransaction(StockPlan stock, Optional<ReservationWrite> reservation,
                                   Optional<TransferWrite> transfer, Optional<IdempotencyCompletion> idempotency,
                                   List<DomainEvent> extraEvents, Instant at) {

    /** DynamoDB's limit on the actions of one TransactWriteItems. */
    public static final int MAX_ACTIONS = 100;

    public InventoryTransaction {
        extraEvents = List.copyOf(extraEvents);
    }

    public List<DomainEvent> events() {
        List<DomainEvent> all = new ArrayList<>(stock.events());
        all.addAll(extraEvents);
        return all;
    }

    public int actions() {
        return stock.writes().size() + stock.checks().size() + (reservation.isPresent() ? 1 : 0)
                + (transfer.isPresent() ? 1 : 0) + (idempotency.isPresent() ? 1 : 0) + (events().isEmpty() ? 0 : 1);
    }

    /** What the stored reservation must still be for the write to apply. */
    public enum Guard {
        /** A new reservation: the id must be unused. */
        NEW,
        /** Still held and not expired at the transaction time: commit. */
        HELD_AND_LIVE,
        /** Still held: release. */
        HELD,
        /** Still held and expired at the transaction time: expiry. */
        HELD_AND_EXPIRED
    }

    /** {@code next} replaces the stored reservation if it is still at {@code expectedVersion} and satisfies {@code guard}. */
    public record ReservationWrite(Reservation next, long expectedVersion, Guard guard) {
    }

    /** {@code next} replaces the stored transfer if it is still at {@code expectedVersion} (0 = new). */
    public record TransferWrite(Transfer next, long expectedVersion) {
    }

    /** Marks the idempotency record {@code key} completed with {@code result}, if this request still owns it. */
    public record IdempotencyCompletion(String key, String payloadHash, String result, Instant expiresAt) {
    }
}

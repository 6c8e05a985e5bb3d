package com.omnis.inventory.service;

import com.omnis.inventory.domain.HoldLimits;
import com.omnis.inventory.domain.Reservation;
import com.omnis.inventory.domain.StockPlan;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.inventory.Transfer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One atomic write: stock records, the reservations and transfer they concern, the completion of
 * the idempotency record of the request, and the outbox item carrying the events, so that an event
 * exists if and only if its change committed.
 */
public record InventoryTransaction(StockPlan stock, List<ReservationWrite> reservations,
                                   Optional<TransferWrite> transfer, Optional<TransactionPart> idempotency,
                                   List<DomainEvent> extraEvents, Instant at) {

    public InventoryTransaction {
        reservations = List.copyOf(reservations);
        extraEvents = List.copyOf(extraEvents);
    }

    /** A change of stock alone (settings, a movement without transfer) with nothing else. */
    public static InventoryTransaction of(StockPlan stock, Instant at) {
        return new InventoryTransaction(stock, List.of(), Optional.empty(), Optional.empty(), List.of(), at);
    }

    public List<DomainEvent> events() {
        List<DomainEvent> all = new ArrayList<>(stock.events());
        all.addAll(extraEvents);
        return all;
    }

    public int actions() {
        long owners = reservations.stream().filter(w -> w.next().limited()).map(w -> w.next().owner()).distinct().count();
        return (int) owners + stock.writes().size() + stock.checks().size() + reservations.size()
                + (transfer.isPresent() ? 1 : 0) + idempotency.map(part -> part.actions().size()).orElse(0)
                + (events().isEmpty() ? 0 : 1);
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

    /**
     * {@code next} replaces the stored reservation if it is still at {@code expectedVersion} and
     * satisfies {@code guard}. A limited reservation adds itself to its owner's open holds when
     * NEW (within {@code limits}) and takes itself off when closed, in the same transaction.
     */
    public record ReservationWrite(Reservation next, long expectedVersion, Guard guard, Optional<HoldLimits> limits) {

        public ReservationWrite(Reservation next, long expectedVersion, Guard guard) {
            this(next, expectedVersion, guard, Optional.empty());
        }
    }

    /** {@code next} replaces the stored transfer if it is still at {@code expectedVersion} (0 = new). */
    public record TransferWrite(Transfer next, long expectedVersion) {
    }
}

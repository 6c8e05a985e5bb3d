package com.omnis.inventory.domain;

import com.omnis.shared.domain.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Units held for a customer on a channel until {@code expiresAt}. {@code allocations} say which
 * stock records hold them. {@code owner} is the subject of the caller who placed the hold;
 * {@code orderId} the order that committed it (null while held, or when ops committed it by hand).
 * {@code limited}: the hold counts against its owner's {@link HoldLimits} while it is HELD.
 */
public record Reservation(String id, String owner, Channel channel, String reference, ReservationStatus status,
                          List<Allocation> allocations, Instant createdAt, Instant expiresAt, Instant closedAt,
                          String orderId, boolean limited, long version) {

    public Reservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(expiresAt, "expiresAt");
        allocations = List.copyOf(allocations);
    }

    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Released or expired: the units go back to stock. */
    public Reservation close(ReservationStatus newStatus, Instant at) {
        return new Reservation(id, owner, channel, reference, newStatus, allocations, createdAt, expiresAt, at,
                orderId, limited, version + 1);
    }

    /** Committed: the units left with {@code order} (null when committed by hand). */
    public Reservation commit(String order, Instant at) {
        return new Reservation(id, owner, channel, reference, ReservationStatus.COMMITTED, allocations, createdAt,
                expiresAt, at, order, limited, version + 1);
    }

    /** The units of each SKU at each location, shards summed. */
    public long units() {
        return allocations.stream().mapToLong(Allocation::quantity).sum();
    }
}

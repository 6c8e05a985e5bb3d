package com.omnis.inventory.domain;

import com.omnis.shared.domain.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Units held for a customer on a channel until {@code expiresAt}. {@code allocations} say which
 * stock records hold them. {@code owner} is the subject of the caller who placed the hold.
 */
public record Reservation(String id, String owner, Channel channel, String reference, ReservationStatus status,
                          List<Allocation> allocations, Instant createdAt, Instant expiresAt, Instant closedAt,
                          long version) {

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

    public Reservation close(ReservationStatus newStatus, Instant at) {
        return new Reservation(id, owner, channel, reference, newStatus, allocations, createdAt, expiresAt, at,
                version + 1);
    }
}

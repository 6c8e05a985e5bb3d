package com.omnis.carts.domain;

import com.omnis.shared.customer.Actor;
import com.omnis.shared.domain.Channel;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An edit as the store applies it: on an ACTIVE cart, at {@code expectedVersion} when the client
 * sent {@code If-Match}; it bumps the version, records the channel and who made it ({@code by}: the
 * customer, or the agent acting for them; none for a guest) and pushes a guest cart's expiry.
 */
public record CartUpdate(CartEdit edit, Channel channel, Instant at, OptionalLong expectedVersion,
                         Optional<Instant> expiresAt, Optional<Actor> by) {

    public CartUpdate {
        if (edit == null || channel == null || at == null || expectedVersion == null || expiresAt == null || by == null) {
            throw new IllegalArgumentException("edit, channel, at, expectedVersion, expiresAt and by are required");
        }
    }

    public CartUpdate(CartEdit edit, Channel channel, Instant at, OptionalLong expectedVersion, Optional<Instant> expiresAt) {
        this(edit, channel, at, expectedVersion, expiresAt, Optional.empty());
    }
}

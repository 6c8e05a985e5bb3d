package com.omnis.carts.domain;

import com.omnis.shared.domain.Channel;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An edit as the store applies it: on an ACTIVE cart, at {@code expectedVersion} when the client
 * sent {@code If-Match}; it bumps the version, records the channel and pushes a guest cart's expiry.
 */
public record CartUpdate(CartEdit edit, Channel channel, Instant at, OptionalLong expectedVersion,
                         Optional<Instant> expiresAt) {

    public CartUpdate {
        if (edit == null || channel == null || at == null || expectedVersion == null || expiresAt == null) {
            throw new IllegalArgumentException("edit, channel, at, expectedVersion and expiresAt are required");
        }
    }
}

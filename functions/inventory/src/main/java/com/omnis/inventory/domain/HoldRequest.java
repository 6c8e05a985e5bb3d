package com.omnis.inventory.domain;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.LocationId;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A validated request to hold units: all lines or none. */
public record HoldRequest(List<Line> lines, Channel channel, Duration ttl, Optional<String> reference) {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    public static final Duration MAX_TTL = Duration.ofMinutes(60);
    public static final int MAX_LINES = 25;

    public HoldRequest {
        lines = List.copyOf(lines);
    }

    /** {@code quantity} units of {@code sku}, at {@code locationId} or wherever the channel is served from. */
    public record Line(Sku sku, Quantity quantity, Optional<LocationId> locationId) {
    }

    /** Every unit asked for, over all lines. */
    public long units() {
        return lines.stream().mapToLong(line -> line.quantity().value()).sum();
    }

    /** A canonical text of the request: what an idempotency key's fingerprint is computed over. */
    public String fingerprint() {
        return String.join("|", channel.code(), Long.toString(ttl.toSeconds()), reference.orElse(""),
                lines.stream().map(l -> l.sku().value() + ":" + l.quantity() + ":"
                        + l.locationId().map(LocationId::value).orElse("")).collect(Collectors.joining(",")));
    }
}

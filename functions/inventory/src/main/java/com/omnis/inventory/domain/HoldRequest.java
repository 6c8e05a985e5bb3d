package com.omnis.inventory.domain;

import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A validated request to hold units: all lines or none. */
public record HoldRequest(List<Line> lines, Channel channel, Duration ttl, Optional<String> reference) {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    public static final Duration MAX_TTL = Duration.ofMinutes(60);
    public static final int MAX_LINES = 25;
    public static final long MAX_LINE_QUANTITY = 1_000;

    public HoldRequest {
        lines = List.copyOf(lines);
    }

    /** {@code quantity} units of {@code sku}, at {@code locationId} or wherever the channel is served from. */
    public record Line(Sku sku, long quantity, Optional<String> locationId) {
    }
}

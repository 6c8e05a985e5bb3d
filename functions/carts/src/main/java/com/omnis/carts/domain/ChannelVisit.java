package com.omnis.carts.domain;

import com.omnis.shared.domain.Channel;
import java.time.Instant;

/** When a channel first and last changed the cart. */
public record ChannelVisit(Channel channel, Instant firstSeenAt, Instant lastSeenAt) {

    /** Both visits of one channel as one: the earliest first sighting and the latest last one. */
    public ChannelVisit union(ChannelVisit other) {
        return new ChannelVisit(channel,
                firstSeenAt.isBefore(other.firstSeenAt) ? firstSeenAt : other.firstSeenAt,
                lastSeenAt.isAfter(other.lastSeenAt) ? lastSeenAt : other.lastSeenAt);
    }
}

package com.omnis.carts.service;

import com.omnis.shared.domain.Channel;
import java.util.OptionalLong;

/** The context of a change: who, from which channel, and the version they saw when they sent {@code If-Match}. */
public record Mutation(Shopper shopper, Channel channel, OptionalLong ifMatch) {

    public static Mutation by(Shopper shopper, Channel channel) {
        return new Mutation(shopper, channel, OptionalLong.empty());
    }

    public Mutation ifMatch(long version) {
        return new Mutation(shopper, channel, OptionalLong.of(version));
    }
}

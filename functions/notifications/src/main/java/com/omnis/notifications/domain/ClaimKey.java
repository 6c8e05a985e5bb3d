package com.omnis.notifications.domain;

/** Names one message: one event never gives two messages of the same kind to the same person on one channel. */
public record ClaimKey(String eventId, MessageKind kind, MessageChannel channel, String customerId) {

    public String value() {
        return eventId + "#" + kind.code() + "#" + channel.code() + "#" + customerId;
    }
}

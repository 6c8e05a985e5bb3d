package com.omnis.local.aws;

import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Messages the backend would have sent to people, kept for a person to read at {@code GET /_local/outbox}.
 * Local SES and SNS services ({@link LocalAwsService}s on the local AWS endpoint) record here
 * what functions send through {@code SendEmail} and {@code Publish}.
 */
public final class LocalOutbox {

    private static final int CAPACITY = 500;

    /**
     * One message.
     *
     * @param channel {@code email} or {@code sms}
     */
    public record Message(String channel, String to, String subject, String body, Instant at) {
    }

    private final Deque<Message> messages = new ConcurrentLinkedDeque<>();

    public void record(Message message) {
        messages.addFirst(message);
        while (messages.size() > CAPACITY) {
            messages.pollLast();
        }
    }

    /** Newest first. */
    public List<Message> messages() {
        return List.copyOf(messages);
    }
}

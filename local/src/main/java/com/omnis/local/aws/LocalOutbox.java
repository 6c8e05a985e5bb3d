package com.omnis.local.aws;

import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
     * @param body the plain-text part of an email, or the text message
     * @param html an email's HTML part (null for a text message)
     * @param headers an email's own headers ({@code List-Unsubscribe}), as the sender set them
     */
    public record Message(String id, String channel, String from, String to, String subject, String body, String html,
                          Map<String, String> headers, Instant at) {

        public Message {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        public static Message email(String from, String to, String subject, String text, String html,
                                    Map<String, String> headers, Instant at) {
            return new Message(UUID.randomUUID().toString(), "email", from, to, subject, text, html, headers, at);
        }

        public static Message sms(String to, String text, Instant at) {
            return new Message(UUID.randomUUID().toString(), "sms", null, to, null, text, null, Map.of(), at);
        }
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

package com.omnis.local.events;

import java.time.Instant;

/**
 * One invocation of a function by a rule, a schedule or a stream, kept for {@code GET /_local/events}.
 *
 * @param error what the function threw, or {@code null} when it succeeded
 */
public record Delivery(String source, String trigger, String functionId, Instant at, long millis, String error) {

    public boolean succeeded() {
        return error == null;
    }
}

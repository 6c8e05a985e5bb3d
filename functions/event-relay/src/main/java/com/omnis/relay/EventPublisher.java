package com.omnis.relay;

import com.omnis.shared.events.DomainEvent;
import java.util.List;
import java.util.Map;

/** Puts events on the bus. */
public interface EventPublisher {

    /** At most this many events per call (EventBridge PutEvents takes 10 entries). */
    int MAX_BATCH = 10;

    /**
     * Publishes {@code events} (at most {@link #MAX_BATCH}) and returns, by position in {@code events},
     * those the bus did not take and why. Every other event went out.
     */
    Map<Integer, Refusal> publish(List<DomainEvent> events);

    /**
     * Why the bus did not take an event. A permanent refusal is about the event itself (too large,
     * malformed): sending it again can never succeed, so it goes to the dead-letter queue. Anything
     * else (throttling, an outage, a missing permission) may pass on a later attempt.
     */
    record Refusal(String code, String message, boolean permanent) {

        public static Refusal transientFailure(String code, String message) {
            return new Refusal(code, message, false);
        }

        public static Refusal permanent(String code, String message) {
            return new Refusal(code, message, true);
        }
    }
}

package com.omnis.relay;

import com.omnis.shared.events.DomainEvent;
import java.util.List;
import java.util.Set;

/** Puts events on the bus. */
public interface EventPublisher {

    /** At most this many events per call (EventBridge PutEvents takes 10 entries). */
    int MAX_BATCH = 10;

    /**
     * Publishes {@code events} (at most {@link #MAX_BATCH}) and returns the positions, in
     * {@code events}, of those the bus did not take.
     */
    Set<Integer> publish(List<DomainEvent> events);
}

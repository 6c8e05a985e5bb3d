package com.omnis.relay;

import com.omnis.shared.events.DomainEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A bus that records every batch and refuses the events a test names, the way the test says. */
final class RecordingPublisher implements EventPublisher {

    final List<List<DomainEvent>> batches = new ArrayList<>();
    private final Function<DomainEvent, Refusal> refusal;

    /** {@code refusal} gives the refusal of an event, or null to take it. */
    RecordingPublisher(Function<DomainEvent, Refusal> refusal) {
        this.refusal = refusal;
    }

    static RecordingPublisher acceptingAll() {
        return new RecordingPublisher(event -> null);
    }

    /** Refuses for now (throttled) the events {@code refuses} names. */
    static RecordingPublisher throttling(Function<DomainEvent, Boolean> refuses) {
        return new RecordingPublisher(event -> refuses.apply(event)
                ? Refusal.transientFailure("ThrottlingException", "Rate exceeded") : null);
    }

    @Override
    public Map<Integer, Refusal> publish(List<DomainEvent> events) {
        if (events.size() > MAX_BATCH) {
            throw new AssertionError("a batch of " + events.size());
        }
        batches.add(events);
        Map<Integer, Refusal> refused = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Refusal refusal = this.refusal.apply(events.get(i));
            if (refusal != null) {
                refused.put(i, refusal);
            }
        }
        return refused;
    }

    List<String> publishedIds() {
        return batches.stream().flatMap(List::stream).map(DomainEvent::id).toList();
    }
}

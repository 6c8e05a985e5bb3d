package com.omnis.relay;

import com.omnis.shared.events.DomainEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** A bus that records every batch and refuses the events a test names. */
final class RecordingPublisher implements EventPublisher {

    final List<List<DomainEvent>> batches = new ArrayList<>();
    private final Function<DomainEvent, Boolean> refuses;

    RecordingPublisher(Function<DomainEvent, Boolean> refuses) {
        this.refuses = refuses;
    }

    static RecordingPublisher acceptingAll() {
        return new RecordingPublisher(event -> false);
    }

    @Override
    public Set<Integer> publish(List<DomainEvent> events) {
        if (events.size() > MAX_BATCH) {
            throw new AssertionError("a batch of " + events.size());
        }
        batches.add(events);
        Set<Integer> refused = new java.util.LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            if (refuses.apply(events.get(i))) {
                refused.add(i);
            }
        }
        return refused;
    }

    List<String> publishedIds() {
        return batches.stream().flatMap(List::stream).map(DomainEvent::id).toList();
    }
}

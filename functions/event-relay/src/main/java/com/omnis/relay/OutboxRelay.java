package com.omnis.relay;

import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.metrics.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the events of new outbox items, in stream order, in batches of up to ten. When the bus
 * refuses an event, the item carrying it and every later item are reported as failed: Lambda then
 * retries from that item (the items before it are checkpointed), and what had already gone out is
 * sent again with the same event ids, which consumers deduplicate on.
 *
 * <p>Counts {@value #EVENTS_RELAYED} (events the bus took) and {@value #EVENTS_REFUSED} (events the
 * bus refused, and unreadable items, which will end in the dead-letter queue).
 */
public final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    /** One new outbox item from the stream: its position in the stream and its events (empty if unreadable). */
    public record Item(String sequenceNumber, Optional<List<DomainEvent>> events) {
    }

    public static final String EVENTS_RELAYED = "EventsRelayed";
    public static final String EVENTS_REFUSED = "EventsRefused";

    private final EventPublisher publisher;
    private final Metrics metrics;

    public OutboxRelay(EventPublisher publisher) {
        this(publisher, Metrics.NONE);
    }

    public OutboxRelay(EventPublisher publisher, Metrics metrics) {
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** Publishes the items' events; returns the sequence numbers to retry (empty when all went out). */
    public List<String> relay(List<Item> items) {
        List<DomainEvent> batch = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            Item item = items.get(index);
            if (item.events().isEmpty()) {
                LOG.error("outbox item at {} is unreadable; it goes to the dead-letter queue", item.sequenceNumber());
                metrics.count(EVENTS_REFUSED);
                return failedFrom(items, flush(batch, owners, index).orElse(index));
            }
            for (DomainEvent event : item.events().get()) {
                if (batch.size() == EventPublisher.MAX_BATCH) {
                    Optional<Integer> failed = flush(batch, owners, items.size());
                    if (failed.isPresent()) {
                        return failedFrom(items, failed.get());
                    }
                }
                batch.add(event);
                owners.add(index);
            }
        }
        return flush(batch, owners, items.size()).map(first -> failedFrom(items, first)).orElse(List.of());
    }

    /** Publishes the pending batch; the index of the first item with a refused event, if any. */
    private Optional<Integer> flush(List<DomainEvent> batch, List<Integer> owners, int fallback) {
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        Set<Integer> refused = publisher.publish(List.copyOf(batch));
        metrics.count(EVENTS_RELAYED, batch.size() - refused.size());
        if (!refused.isEmpty()) {
            metrics.count(EVENTS_REFUSED, refused.size());
        }
        Optional<Integer> first = refused.stream().map(owners::get).min(Integer::compare);
        first.ifPresent(index -> LOG.warn("the bus refused {} of {} events; retrying from item {}", refused.size(),
                batch.size(), index));
        batch.clear();
        owners.clear();
        return first.map(index -> Math.min(index, fallback));
    }

    private static List<String> failedFrom(List<Item> items, int first) {
        return items.subList(first, items.size()).stream().map(Item::sequenceNumber).toList();
    }
}

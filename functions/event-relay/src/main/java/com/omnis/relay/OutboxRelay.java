package com.omnis.relay;

import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.metrics.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the events of new outbox items, in stream order, in batches of up to ten.
 *
 * <p>A poison item never holds up the others: an unreadable item, and an event the bus refuses for
 * good (too large, malformed), go to the dead-letter queue with their content and the relay carries
 * on with the next item. A transient refusal (throttling, an outage) stops the batch: the item
 * carrying that event is reported as failed and nothing after it is sent, so Lambda retries from that
 * item (the ones before it are checkpointed) and what had already gone out of it is sent again with
 * the same event ids, which consumers deduplicate on. If the dead-letter queue cannot take a poison,
 * its item is treated the same way: retried, never dropped.
 *
 * <p>Counts {@value #EVENTS_RELAYED} (events the bus took) and {@value #EVENTS_REFUSED} (events the
 * bus refused, and unreadable items).
 */
public final class OutboxRelay {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);

    /** Events the bus took. */
    public static final String EVENTS_RELAYED = "EventsRelayed";
    /** Events the bus refused (for now or for good) and unreadable items. */
    public static final String EVENTS_REFUSED = "EventsRefused";

    /**
     * One new outbox item from the stream: where it is in the stream, its key, its content as the stream
     * delivered it (DynamoDB JSON, for the dead-letter queue) and its events (empty if unreadable).
     */
    public record Item(String streamArn, String sequenceNumber, String outboxId, String content,
                       Optional<List<DomainEvent>> events) {
    }

    private final EventPublisher publisher;
    private final DeadLetters deadLetters;
    private final Metrics metrics;

    public OutboxRelay(EventPublisher publisher, DeadLetters deadLetters) {
        this(publisher, deadLetters, Metrics.NONE);
    }

    public OutboxRelay(EventPublisher publisher, DeadLetters deadLetters, Metrics metrics) {
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /** Publishes the items' events; returns the sequence numbers to retry (empty when all went out or were dead-lettered). */
    public List<String> relay(List<Item> items) {
        Batch batch = new Batch();
        for (int index = 0; index < items.size(); index++) {
            Item item = items.get(index);
            if (item.events().isEmpty()) {
                Optional<Integer> failed = batch.flush(items);
                if (failed.isPresent()) {
                    return failedFrom(items, failed.get());
                }
                LOG.error("outbox item {} at {} is unreadable; it goes to the dead-letter queue", item.outboxId(),
                        item.sequenceNumber());
                metrics.count(EVENTS_REFUSED);
                if (!deadLetter(DeadLetter.unreadable(item))) {
                    return failedFrom(items, index);
                }
                continue;
            }
            for (DomainEvent event : item.events().get()) {
                if (batch.isFull()) {
                    Optional<Integer> failed = batch.flush(items);
                    if (failed.isPresent()) {
                        return failedFrom(items, failed.get());
                    }
                }
                batch.add(event, index);
            }
        }
        return batch.flush(items).map(first -> failedFrom(items, first)).orElse(List.of());
    }

    /** Events waiting to be published, each with the index of the item carrying it. */
    private final class Batch {
        private final List<DomainEvent> events = new ArrayList<>();
        private final List<Integer> owners = new ArrayList<>();

        boolean isFull() {
            return events.size() == EventPublisher.MAX_BATCH;
        }

        void add(DomainEvent event, int owner) {
            events.add(event);
            owners.add(owner);
        }

        /**
         * Publishes the batch and dead-letters what the bus refused for good; the index of the first
         * item to retry, if any. Permanent refusals behind that item are left to its retry, which meets
         * them again: dead-lettering them now would file them twice.
         */
        Optional<Integer> flush(List<Item> items) {
            if (events.isEmpty()) {
                return Optional.empty();
            }
            Map<Integer, EventPublisher.Refusal> refused = publisher.publish(List.copyOf(events));
            metrics.count(EVENTS_RELAYED, events.size() - refused.size());
            if (!refused.isEmpty()) {
                metrics.count(EVENTS_REFUSED, refused.size());
            }
            Optional<Integer> retryFrom = refused.entrySet().stream().filter(refusal -> !refusal.getValue().permanent())
                    .map(refusal -> owners.get(refusal.getKey())).min(Integer::compare);
            retryFrom.ifPresent(index -> LOG.warn("the bus refused {} of {} events for now; retrying from item {}",
                    refused.values().stream().filter(refusal -> !refusal.permanent()).count(), events.size(),
                    items.get(index).sequenceNumber()));
            for (int position = 0; position < events.size(); position++) {
                EventPublisher.Refusal refusal = refused.get(position);
                int owner = owners.get(position);
                if (refusal == null || !refusal.permanent() || retryFrom.filter(first -> owner >= first).isPresent()) {
                    continue;
                }
                DomainEvent event = events.get(position);
                LOG.error("the bus refused event {} ({}) of outbox item {} for good: {}; it goes to the dead-letter queue",
                        event.id(), event.type(), items.get(owner).outboxId(), refusal.code());
                if (!deadLetter(DeadLetter.refused(items.get(owner), event, refusal))) {
                    retryFrom = Optional.of(retryFrom.map(first -> Math.min(first, owner)).orElse(owner));
                }
            }
            events.clear();
            owners.clear();
            return retryFrom;
        }
    }

    private boolean deadLetter(DeadLetter letter) {
        try {
            deadLetters.send(letter);
            return true;
        } catch (RuntimeException e) {
            LOG.error("the dead-letter queue did not take outbox item {} ({}); it will be retried", letter.outboxId(),
                    e.getClass().getSimpleName());
            return false;
        }
    }

    private static List<String> failedFrom(List<Item> items, int first) {
        return items.subList(first, items.size()).stream().map(Item::sequenceNumber).toList();
    }
}

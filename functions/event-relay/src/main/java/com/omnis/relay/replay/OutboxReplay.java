package com.omnis.relay.replay;

import com.omnis.relay.EventPublisher;
import com.omnis.shared.events.DomainEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Republishes the events of chosen outbox items, each with its own id and envelope unchanged, so a
 * consumer that already had one drops it as a duplicate. Bounded: a selection of more than {@code limit}
 * events sends nothing and says how many it found. Prints one line per event and a summary.
 */
public final class OutboxReplay {

    /** What a run did. */
    public record Summary(int matched, int sent, int refused, int unreadable, boolean overLimit) {

        public boolean succeeded() {
            return !overLimit && refused == 0 && unreadable == 0;
        }
    }

    private static final int ATTEMPTS = 3;

    private final EventPublisher publisher;
    private final PrintStream out;
    private final Duration pause;

    public OutboxReplay(EventPublisher publisher, PrintStream out, Duration pause) {
        this.publisher = publisher;
        this.out = out;
        this.pause = pause;
    }

    /**
     * Publishes the events of {@code items} (only those in {@code eventIds}, and of {@code types}, when
     * not empty), oldest item first; with {@code dryRun}, prints them without sending.
     */
    public Summary replay(List<OutboxItem> items, Set<String> eventIds, Set<String> types, int limit, boolean dryRun) {
        List<DomainEvent> chosen = new ArrayList<>();
        Map<String, String> outboxOf = new LinkedHashMap<>();
        int unreadable = 0;
        for (OutboxItem item : items) {
            if (item.events().isEmpty()) {
                unreadable++;
                out.printf("unreadable outbox=%s createdAt=%s (its dead letter holds its content)%n", item.id(), item.createdAt());
                continue;
            }
            for (DomainEvent event : item.events().get()) {
                if ((eventIds.isEmpty() || eventIds.contains(event.id())) && (types.isEmpty() || types.contains(event.type()))) {
                    chosen.add(event);
                    outboxOf.put(event.id(), item.id());
                }
            }
        }
        if (chosen.size() > limit) {
            out.printf("%d events match, more than --limit %d: nothing sent (narrow the range or raise --limit)%n",
                    chosen.size(), limit);
            return new Summary(chosen.size(), 0, 0, unreadable, true);
        }
        int sent = 0;
        int refused = 0;
        for (int start = 0; start < chosen.size(); start += EventPublisher.MAX_BATCH) {
            List<DomainEvent> batch = chosen.subList(start, Math.min(chosen.size(), start + EventPublisher.MAX_BATCH));
            Map<Integer, EventPublisher.Refusal> refusals = dryRun ? Map.of() : publishWithRetries(batch);
            for (int i = 0; i < batch.size(); i++) {
                DomainEvent event = batch.get(i);
                EventPublisher.Refusal refusal = refusals.get(i);
                String verb = refusal != null ? "refused" : dryRun ? "would send" : "sent";
                out.printf("%s %s %s %s outbox=%s occurredAt=%s%s%n", verb, event.id(), event.source(), event.type(),
                        outboxOf.get(event.id()), event.occurredAt(), refusal == null ? "" : " (" + refusal.code() + ")");
                if (refusal == null) {
                    sent++;
                } else {
                    refused++;
                }
            }
        }
        out.printf("%d events matched in %d outbox items: %d %s, %d refused, %d unreadable items%n", chosen.size(),
                items.size(), sent, dryRun ? "would be sent" : "sent", refused, unreadable);
        return new Summary(chosen.size(), sent, refused, unreadable, false);
    }

    /** One batch, what the bus refused for now sent again a few times; what is left refused, by position in {@code batch}. */
    private Map<Integer, EventPublisher.Refusal> publishWithRetries(List<DomainEvent> batch) {
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            pending.add(i);
        }
        Map<Integer, EventPublisher.Refusal> refused = new LinkedHashMap<>();
        for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                sleep(pause.multipliedBy(attempt - 1));
            }
            List<Integer> asked = List.copyOf(pending);
            Map<Integer, EventPublisher.Refusal> answer = publisher.publish(asked.stream().map(batch::get).toList());
            pending.clear();
            asked.forEach(refused::remove);   // asked again: only this answer counts for them
            answer.forEach((position, refusal) -> {
                refused.put(asked.get(position), refusal);
                if (!refusal.permanent()) {
                    pending.add(asked.get(position));
                }
            });
        }
        return refused;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}

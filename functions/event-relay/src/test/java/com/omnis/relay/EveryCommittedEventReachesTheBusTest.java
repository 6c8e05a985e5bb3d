package com.omnis.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import com.omnis.shared.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The relay's promise, end to end over a simulated stream shard (batches of 100, 10 retries, as the
 * template configures the mapping), the real handler and publisher, and a bus with EventBridge's limits:
 * every committed event reaches the bus, the same envelope each time it is delivered again; a poison
 * reaches the dead-letter queue with its content and holds up nothing.
 */
class EveryCommittedEventReachesTheBusTest {

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

    private final LambdaStreamSimulator stream = new LambdaStreamSimulator(100, 10);
    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();
    private final List<DomainEvent> committed = new ArrayList<>();

    @Test
    void withPutEventsThrottlingSomeEntriesEveryEventArrivesAndDuplicatesCarryTheSameEnvelope() {
        // given: 250 changes of 1 to 3 events; the bus throttles one entry in five
        commitChanges(250);
        Random random = new Random(42);
        FakeEventBridge bus = new FakeEventBridge().throttling(entry -> random.nextInt(5) == 0);

        // when
        stream.drain(relayTo(bus));

        // then
        assertEveryCommittedEventArrivedAsCommitted(bus);
        assertThat(stream.onFailureDestination).isEmpty();
        assertThat(deadLetters.letters).isEmpty();
        assertThat(bus.delivered.size()).as("retries resend what went out before a refusal").isGreaterThan(committed.size());
    }

    @Test
    void withPutEventsFailingEntirelyForSeveralAttemptsEveryEventArrivesOnceTheBusIsBack() {
        // given: the first 7 calls fail as a whole
        commitChanges(120);
        FakeEventBridge bus = new FakeEventBridge().failingTheNextCalls(7);

        // when
        stream.drain(relayTo(bus));

        // then: within the mapping's 10 retries, nothing was skipped
        assertEveryCommittedEventArrivedAsCommitted(bus);
        assertThat(stream.onFailureDestination).isEmpty();
        assertThat(stream.invocations).isEqualTo(7 + 2);
    }

    @Test
    void poisonItemsGoToTheDeadLetterQueueWithTheirContentAndHoldUpNoneOfTheHealthyItemsAroundThem() throws Exception {
        // given: among 150 changes, an unreadable item, an event too large for the bus and one without a source
        commitChanges(50);
        stream.commitUnreadable("outbox-unreadable", "[{\"id\": \"cut short");
        DomainEvent tooLarge = event("too-large", "omnis.inventory", Map.of("padding", "x".repeat(300_000)));
        DomainEvent sourceless = event("sourceless", "", Map.of("sku", "TEE-BLUE-M"));
        DomainEvent besideThem = event("beside-them", "omnis.inventory", Map.of("sku", "TEE-BLUE-M"));
        OutboxRecord poisoned = new OutboxRecord("outbox-poisoned", List.of(tooLarge, besideThem, sourceless), NOW);
        stream.commit(poisoned);
        committed.add(besideThem);
        commitChanges(100);
        FakeEventBridge bus = new FakeEventBridge();

        // when
        stream.drain(relayTo(bus));

        // then: one pass, no retry; the healthy events all arrived exactly once
        assertThat(stream.invocations).isEqualTo(2);
        assertEveryCommittedEventArrivedAsCommitted(bus);
        assertThat(bus.delivered).hasSameSizeAs(committed);
        assertThat(deadLetters.letters).extracting(DeadLetter::reason, DeadLetter::outboxId, DeadLetter::eventId)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(DeadLetter.UNREADABLE_ITEM, "outbox-unreadable", null),
                        org.assertj.core.groups.Tuple.tuple(DeadLetter.REFUSED_EVENT, "outbox-poisoned", "too-large"),
                        org.assertj.core.groups.Tuple.tuple(DeadLetter.REFUSED_EVENT, "outbox-poisoned", "sourceless"));
        DeadLetter unreadable = deadLetters.letters.stream().filter(l -> l.reason().equals(DeadLetter.UNREADABLE_ITEM))
                .findFirst().orElseThrow();
        assertThat(Json.MAPPER.readTree(unreadable.item()).path("events").path("S").asText()).isEqualTo("[{\"id\": \"cut short");
        DeadLetter large = deadLetters.letters.stream().filter(l -> "too-large".equals(l.eventId())).findFirst().orElseThrow();
        assertThat(large.event()).isEqualTo(tooLarge);
        assertThat(large.errorCode()).isEqualTo("EntryTooLarge");
        assertThat(OutboxRecord.parseEvents(java.util.Base64.getDecoder().decode(
                Json.MAPPER.readTree(large.item()).path("events").path("B").asText())))
                .containsExactly(tooLarge, besideThem, sourceless);
    }

    @Test
    void allAtOnceThrottlingOutagesAndPoisonsStillGiveEveryCommittedEventAndFileEachPoisonOnce() {
        // given
        commitChanges(80);
        stream.commitUnreadable("outbox-unreadable", "{}");
        commitChanges(80);
        Random random = new Random(7);
        FakeEventBridge bus = new FakeEventBridge().failingTheNextCalls(3).throttling(entry -> random.nextInt(8) == 0);

        // when
        stream.drain(relayTo(bus));

        // then
        assertEveryCommittedEventArrivedAsCommitted(bus);
        assertThat(stream.onFailureDestination).isEmpty();
        assertThat(deadLetters.letters).extracting(DeadLetter::outboxId).containsExactly("outbox-unreadable");
    }

    private EventRelayHandler relayTo(FakeEventBridge bus) {
        return new EventRelayHandler(new OutboxRelay(new EventBridgePublisher(bus, "omnis-test"), deadLetters));
    }

    private void commitChanges(int changes) {
        int start = committed.size();
        for (int change = 0; change < changes; change++) {
            List<DomainEvent> events = IntStream.range(0, 1 + (start + change) % 3)
                    .mapToObj(n -> event(null, "omnis.inventory", Map.of("sku", "TEE-BLUE-M", "n", n))).toList();
            committed.addAll(events);
            stream.commit(OutboxRecord.of(events, NOW));
        }
    }

    private static DomainEvent event(String id, String source, Map<String, Object> data) {
        DomainEvent event = DomainEvent.of("StockChanged", source, NOW, "stock/TEE-BLUE-M/wh-paris", data, "corr");
        return id == null ? event : new DomainEvent(id, event.type(), source, NOW, event.subject(), event.data(), "corr");
    }

    private void assertEveryCommittedEventArrivedAsCommitted(FakeEventBridge bus) {
        Map<String, DomainEvent> byId = committed.stream().collect(Collectors.toMap(DomainEvent::id, e -> e));
        assertThat(bus.delivered.stream().map(DomainEvent::id).distinct()).containsExactlyInAnyOrderElementsOf(byId.keySet());
        assertThat(bus.delivered).allSatisfy(delivered -> assertThat(delivered).isEqualTo(byId.get(delivered.id())));
    }
}

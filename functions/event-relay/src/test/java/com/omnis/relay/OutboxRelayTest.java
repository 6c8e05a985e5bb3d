package com.omnis.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

    static final String STREAM = "arn:aws:dynamodb:eu-west-1:123456789012:table/OutboxTable/stream/2026-06-15T09:00:00.000";

    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();

    @Test
    void publishesEveryEventInStreamOrderInBatchesOfAtMostTen() {
        // given: 3 outbox items of 4 events
        List<OutboxRelay.Item> items = List.of(item("1", 4), item("2", 4), item("3", 4));
        RecordingPublisher bus = RecordingPublisher.acceptingAll();

        // when
        List<String> retry = new OutboxRelay(bus, deadLetters).relay(items);

        // then
        assertThat(retry).isEmpty();
        assertThat(bus.batches).extracting(List::size).containsExactly(10, 2);
        assertThat(bus.publishedIds()).containsExactly("1-0", "1-1", "1-2", "1-3", "2-0", "2-1", "2-2", "2-3",
                "3-0", "3-1", "3-2", "3-3");
        assertThat(deadLetters.letters).isEmpty();
    }

    @Test
    void aThrottledEventHasItsItemAndEveryLaterItemRetriedAndNothingAfterItIsSent() {
        // given: the bus throttles the second event of item 2
        List<OutboxRelay.Item> items = List.of(item("1", 4), item("2", 4), item("3", 4), item("4", 4));
        RecordingPublisher bus = RecordingPublisher.throttling(event -> event.id().equals("2-1"));

        // when
        List<String> retry = new OutboxRelay(bus, deadLetters).relay(items);

        // then: Lambda retries from item 2; item 4 was never sent; nothing is dead-lettered
        assertThat(retry).containsExactly("2", "3", "4");
        assertThat(bus.batches).hasSize(1);
        assertThat(bus.publishedIds()).doesNotContain("4-0");
        assertThat(deadLetters.letters).isEmpty();
    }

    @Test
    void anUnreadableItemGoesToTheDeadLetterQueueWithItsContentAndTheItemsAroundItArePublished() {
        // given
        OutboxRelay.Item unreadable = new OutboxRelay.Item(STREAM, "2", "outbox-2", "{\"id\":{\"S\":\"outbox-2\"},\"events\":{\"S\":\"[{\"}}",
                Optional.empty());
        List<OutboxRelay.Item> items = List.of(item("1", 2), unreadable, item("3", 1));
        RecordingPublisher bus = RecordingPublisher.acceptingAll();

        // when
        List<String> retry = new OutboxRelay(bus, deadLetters).relay(items);

        // then
        assertThat(retry).isEmpty();
        assertThat(bus.publishedIds()).containsExactly("1-0", "1-1", "3-0");
        assertThat(deadLetters.letters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(DeadLetter.UNREADABLE_ITEM);
            assertThat(letter.item()).isEqualTo(unreadable.content());
            assertThat(letter.outboxId()).isEqualTo("outbox-2");
            assertThat(letter.streamArn()).isEqualTo(STREAM);
            assertThat(letter.sequenceNumber()).isEqualTo("2");
        });
    }

    @Test
    void anEventTheBusRefusesForGoodGoesToTheDeadLetterQueueAndEveryOtherEventIsPublished() {
        // given: the bus finds the detail of event 2-1 malformed
        List<OutboxRelay.Item> items = List.of(item("1", 2), item("2", 3), item("3", 2));
        RecordingPublisher bus = new RecordingPublisher(event -> event.id().equals("2-1")
                ? EventPublisher.Refusal.permanent("MalformedDetail", "Detail is malformed.") : null);

        // when
        List<String> retry = new OutboxRelay(bus, deadLetters).relay(items);

        // then
        assertThat(retry).isEmpty();
        assertThat(bus.publishedIds()).containsExactly("1-0", "1-1", "2-0", "2-1", "2-2", "3-0", "3-1");
        assertThat(deadLetters.letters).singleElement().satisfies(letter -> {
            assertThat(letter.reason()).isEqualTo(DeadLetter.REFUSED_EVENT);
            assertThat(letter.errorCode()).isEqualTo("MalformedDetail");
            assertThat(letter.eventId()).isEqualTo("2-1");
            assertThat(letter.event()).isEqualTo(items.get(1).events().orElseThrow().get(1));
            assertThat(letter.item()).isEqualTo(items.get(1).content());
            assertThat(letter.sequenceNumber()).isEqualTo("2");
        });
    }

    @Test
    void aPoisonTheDeadLetterQueueDoesNotTakeIsRetriedWithWhatFollowsNeverDropped() {
        // given: the queue is down
        deadLetters.down = true;
        List<OutboxRelay.Item> items = List.of(item("1", 1), new OutboxRelay.Item(STREAM, "2", "outbox-2", "{}", Optional.empty()),
                item("3", 1));
        RecordingPublisher bus = RecordingPublisher.acceptingAll();

        // when
        List<String> retry = new OutboxRelay(bus, deadLetters).relay(items);

        // then
        assertThat(retry).containsExactly("2", "3");
        assertThat(bus.publishedIds()).containsExactly("1-0");
    }

    @Test
    void aPermanentRefusalBehindAThrottledEventIsLeftToTheRetrySoItIsFiledOnce() {
        // given: in one batch, 1-1 is throttled and 2-0 is malformed
        List<OutboxRelay.Item> items = List.of(item("1", 2), item("2", 2));
        List<String> throttled = new ArrayList<>(List.of("1-1"));
        RecordingPublisher bus = new RecordingPublisher(event -> {
            if (throttled.remove(event.id())) {
                return EventPublisher.Refusal.transientFailure("ThrottlingException", "Rate exceeded");
            }
            return event.id().equals("2-0") ? EventPublisher.Refusal.permanent("MalformedDetail", "Detail is malformed.") : null;
        });
        OutboxRelay relay = new OutboxRelay(bus, deadLetters);

        // when: the first attempt, then Lambda's retry from item 1
        List<String> first = relay.relay(items);
        int lettersAfterFirst = deadLetters.letters.size();
        List<String> second = relay.relay(items);

        // then
        assertThat(first).containsExactly("1", "2");
        assertThat(lettersAfterFirst).isZero();
        assertThat(second).isEmpty();
        assertThat(deadLetters.letters).extracting(DeadLetter::eventId).containsExactly("2-0");
    }

    @Test
    void aRetriedItemIsSentAgainWithTheSameEventIds() {
        // given: the first attempt fails on item 1
        List<OutboxRelay.Item> items = List.of(item("1", 3));
        List<String> attempts = new ArrayList<>();
        RecordingPublisher flaky = RecordingPublisher.throttling(event -> {
            attempts.add(event.id());
            return attempts.size() <= 3 && event.id().equals("1-2");
        });
        OutboxRelay relay = new OutboxRelay(flaky, deadLetters);

        // when
        List<String> first = relay.relay(items);
        List<String> second = relay.relay(items);

        // then
        assertThat(first).containsExactly("1");
        assertThat(second).isEmpty();
        assertThat(flaky.batches).extracting(batch -> batch.stream().map(DomainEvent::id).toList())
                .containsExactly(List.of("1-0", "1-1", "1-2"), List.of("1-0", "1-1", "1-2"));
    }

    /** An outbox item at stream position {@code sequence} with {@code events} StockChanged events {@code <sequence>-<n>}. */
    static OutboxRelay.Item item(String sequence, int events) {
        List<DomainEvent> list = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            list.add(new DomainEvent(sequence + "-" + i, "StockChanged", "omnis.inventory",
                    Instant.parse("2026-06-15T10:00:00Z"), "stock/TEE-BLUE-M/wh-paris",
                    Json.MAPPER.valueToTree(Map.of("n", i)), "corr"));
        }
        return new OutboxRelay.Item(STREAM, sequence, "outbox-" + sequence,
                "{\"id\":{\"S\":\"outbox-" + sequence + "\"},\"events\":{\"S\":" + Json.MAPPER.valueToTree(Json.write(list)) + "}}",
                Optional.of(list));
    }
}

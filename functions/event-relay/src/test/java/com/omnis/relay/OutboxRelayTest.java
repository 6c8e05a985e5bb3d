package com.omnis.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.shared.events.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

    @Test
    void publishesEveryEventInStreamOrderInBatchesOfAtMostTen() {
        // given: 3 outbox items of 4 events
        List<OutboxRelay.Item> items = List.of(item("1", 4), item("2", 4), item("3", 4));
        RecordingPublisher bus = RecordingPublisher.acceptingAll();

        // when
        List<String> retry = new OutboxRelay(bus).relay(items);

        // then
        assertThat(retry).isEmpty();
        assertThat(bus.batches).extracting(List::size).containsExactly(10, 2);
        assertThat(bus.publishedIds()).containsExactly("1-0", "1-1", "1-2", "1-3", "2-0", "2-1", "2-2", "2-3",
                "3-0", "3-1", "3-2", "3-3");
    }

    @Test
    void aRefusedEventHasItsItemAndEveryLaterItemRetriedAndNothingAfterItIsSent() {
        // given: the bus refuses the second event of item 2
        List<OutboxRelay.Item> items = List.of(item("1", 4), item("2", 4), item("3", 4), item("4", 4));
        RecordingPublisher bus = new RecordingPublisher(event -> event.id().equals("2-1"));

        // when
        List<String> retry = new OutboxRelay(bus).relay(items);

        // then: Lambda retries from item 2; item 4 was never sent
        assertThat(retry).containsExactly("2", "3", "4");
        assertThat(bus.batches).hasSize(1);
        assertThat(bus.publishedIds()).doesNotContain("4-0");
    }

    @Test
    void anUnreadableItemIsRetriedWithWhatFollowsAfterWhatPrecedesItWentOut() {
        // given
        List<OutboxRelay.Item> items = List.of(item("1", 2), new OutboxRelay.Item("2", Optional.empty()), item("3", 1));
        RecordingPublisher bus = RecordingPublisher.acceptingAll();

        // when
        List<String> retry = new OutboxRelay(bus).relay(items);

        // then
        assertThat(bus.publishedIds()).containsExactly("1-0", "1-1");
        assertThat(retry).containsExactly("2", "3");
    }

    @Test
    void aRetriedItemIsSentAgainWithTheSameEventIds() {
        // given: the first attempt fails on item 1
        List<OutboxRelay.Item> items = List.of(item("1", 3));
        List<String> attempts = new ArrayList<>();
        RecordingPublisher flaky = new RecordingPublisher(event -> {
            attempts.add(event.id());
            return attempts.size() <= 3 && event.id().equals("1-2");
        });
        OutboxRelay relay = new OutboxRelay(flaky);

        // when
        List<String> first = relay.relay(items);
        List<String> second = relay.relay(items);

        // then
        assertThat(first).containsExactly("1");
        assertThat(second).isEmpty();
        assertThat(flaky.batches).extracting(batch -> batch.stream().map(DomainEvent::id).toList())
                .containsExactly(List.of("1-0", "1-1", "1-2"), List.of("1-0", "1-1", "1-2"));
    }

    static OutboxRelay.Item item(String sequence, int events) {
        List<DomainEvent> list = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            list.add(new DomainEvent(sequence + "-" + i, "StockChanged", "omnis.inventory",
                    Instant.parse("2026-06-15T10:00:00Z"), "stock/TEE-BLUE-M/wh-paris",
                    com.omnis.shared.json.Json.MAPPER.valueToTree(Map.of("n", i)), "corr"));
        }
        return new OutboxRelay.Item(sequence, Optional.of(list));
    }
}

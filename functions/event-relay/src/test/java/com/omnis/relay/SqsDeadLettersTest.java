package com.omnis.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqsDeadLettersTest {

    @Test
    void aLetterThatFitsKeepsEverything() throws Exception {
        // given
        OutboxRelay.Item item = OutboxRelayTest.item("1", 2);
        DomainEvent event = item.events().orElseThrow().getFirst();

        // when
        JsonNode body = Json.MAPPER.readTree(SqsDeadLetters.fitting(DeadLetter.refused(item, event,
                EventPublisher.Refusal.permanent("MalformedDetail", "Detail is malformed."))));

        // then
        assertThat(body.path("item").asText()).isEqualTo(item.content());
        assertThat(body.path("event").path("id").asText()).isEqualTo(event.id());
        assertThat(body.path("streamArn").asText()).isEqualTo(OutboxRelayTest.STREAM);
    }

    @Test
    void aLargeItemIsShedFirstAndTheRefusedEventKept() throws Exception {
        // given: a small refused event in an item whose other event takes 260 KB
        DomainEvent small = event("small", 100);
        DomainEvent large = event("large", 260_000);
        OutboxRelay.Item item = itemOf(small, large);

        // when
        JsonNode body = Json.MAPPER.readTree(SqsDeadLetters.fitting(DeadLetter.refused(item, small,
                EventPublisher.Refusal.permanent("InvalidArgument", "no source"))));

        // then
        assertThat(body.has("item")).isFalse();
        assertThat(body.path("event").path("id").asText()).isEqualTo("small");
    }

    @Test
    void anEventOverTheLimitKeepsOnlyItsIdsAndPosition() throws Exception {
        // given
        DomainEvent huge = event("huge", 300_000);

        // when
        String body = SqsDeadLetters.fitting(DeadLetter.refused(itemOf(huge), huge,
                EventPublisher.Refusal.permanent("EntryTooLarge", "too large")));

        // then
        JsonNode letter = Json.MAPPER.readTree(body);
        assertThat(body.length()).isLessThan(1000);
        assertThat(letter.path("eventId").asText()).isEqualTo("huge");
        assertThat(letter.path("outboxId").asText()).isEqualTo("outbox-x");
        assertThat(letter.path("errorCode").asText()).isEqualTo("EntryTooLarge");
    }

    private static DomainEvent event(String id, int padding) {
        return new DomainEvent(id, "StockChanged", "omnis.inventory", Instant.parse("2026-06-15T10:00:00Z"), "stock/X",
                Json.MAPPER.valueToTree(Map.of("padding", "x".repeat(padding))), "corr");
    }

    private static OutboxRelay.Item itemOf(DomainEvent... events) {
        return new OutboxRelay.Item(OutboxRelayTest.STREAM, "9", "outbox-x",
                "{\"events\":{\"S\":" + Json.MAPPER.valueToTree(Json.write(List.of(events))) + "}}", Optional.of(List.of(events)));
    }
}

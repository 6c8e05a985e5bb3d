package com.omnis.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.omnis.shared.config.Settings;
import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import com.omnis.shared.lambda.Invocation;
import com.omnis.shared.metrics.EmfMetrics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The relay fed with the stream sample of {@code events/streams/}. */
class EventRelayHandlerTest {

    private final RecordingDeadLetters deadLetters = new RecordingDeadLetters();

    static DynamodbEvent sample() {
        Path file = Path.of(System.getProperty("omnis.repo.root", "../.."), "events", "streams", "outbox-inserts.json");
        return EventLoader.loadDynamoDbEvent(file.toString());
    }

    @Test
    void relaysTheEventsOfNewOutboxItemsAndIgnoresTheTtlsRemovals() {
        // given
        RecordingPublisher bus = RecordingPublisher.acceptingAll();

        // when
        StreamsEventResponse response = new EventRelayHandler(new OutboxRelay(bus, deadLetters)).handleRequest(sample(), null);

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(bus.batches).flatExtracting(batch -> batch).extracting(DomainEvent::type)
                .containsExactly("StockChanged", "LowStock", "ReservationExpired", "BackInStock");
        assertThat(bus.publishedIds()).startsWith("0b9a7c1e-5d2f-4e8a-9b61-3c7d2e1f0a41");
    }

    @Test
    void reportsTheSequenceNumberOfTheFirstItemTheBusThrottled() {
        // given: the bus throttles the expiry
        RecordingPublisher bus = RecordingPublisher.throttling(event -> event.type().equals("ReservationExpired"));

        // when
        StreamsEventResponse response = new EventRelayHandler(new OutboxRelay(bus, deadLetters)).handleRequest(sample(), null);

        // then
        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("111100000000000000000002");
    }

    /** The relay with its own boundary, writing its EMF documents to {@code documents}. */
    private EventRelayHandler countingInto(List<String> documents, RecordingPublisher bus) {
        return EmfMetrics.writingTo(documents::add, () -> Settings.withOverrides(
                Map.of(EmfMetrics.NAMESPACE, "Omnis", EmfMetrics.SERVICE, "event-relay"), () -> {
                    Invocation invocation = Invocation.of(Settings.current());
                    return new EventRelayHandler(new OutboxRelay(bus, deadLetters, invocation.metrics()), invocation);
                }));
    }

    @Test
    void countsTheEventsRelayedAndRefusedOnceForTheBatch() {
        // given: the bus refuses the expiry (the third of four events) for now
        List<String> documents = new CopyOnWriteArrayList<>();
        EventRelayHandler handler = countingInto(documents,
                RecordingPublisher.throttling(event -> event.type().equals("ReservationExpired")));

        // when
        handler.handleRequest(sample(), null);

        // then: one EMF document for the invocation, under the relay's service
        assertThat(documents).singleElement().satisfies(line -> {
            JsonNode document = Json.read(line, JsonNode.class);
            assertThat(document.path("Service").asText()).isEqualTo("event-relay");
            assertThat(document.path(OutboxRelay.EVENTS_REFUSED).asDouble()).isEqualTo(1.0);
            assertThat(document.path(OutboxRelay.EVENTS_RELAYED).asDouble()).isEqualTo(3.0);
        });
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterQueueAsTheStreamDeliveredItAndTheNextIsRelayed() throws Exception {
        // given: the first item's events attribute was cut short
        DynamodbEvent event = sample();
        var first = event.getRecords().getFirst().getDynamodb();
        first.getNewImage().put("events", new AttributeValue().withS("[{\"id\": \"0b9a7c1e"));
        RecordingPublisher bus = RecordingPublisher.acceptingAll();

        // when
        StreamsEventResponse response = new EventRelayHandler(new OutboxRelay(bus, deadLetters)).handleRequest(event, null);

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(bus.batches).flatExtracting(batch -> batch).extracting(DomainEvent::type)
                .containsExactly("ReservationExpired", "BackInStock");
        DeadLetter letter = deadLetters.letters.getFirst();
        assertThat(deadLetters.letters).hasSize(1);
        assertThat(letter.outboxId()).isEqualTo("7d1e2c3b-aaaa-4bbb-8ccc-000000000001");
        assertThat(letter.sequenceNumber()).isEqualTo("111100000000000000000001");
        assertThat(letter.streamArn()).endsWith("table/omnis-dev-OutboxTable-1ABCDEF/stream/2026-06-15T09:00:00.000");
        var item = Json.MAPPER.readTree(letter.item());
        assertThat(item.path("events").path("S").asText()).isEqualTo("[{\"id\": \"0b9a7c1e");
        assertThat(item.path("createdAt").path("S").asText()).isEqualTo("2026-06-15T10:00:00Z");
        assertThat(item.path("expiresAt").path("N").asText()).isEqualTo("1782122400");
    }

    @Test
    void isBuiltFromItsSettingsAsLambdaBuildsIt() {
        // when
        EventRelayHandler handler = Settings.withOverrides(Map.of("EVENT_BUS_NAME", "omnis-test",
                "POISON_QUEUE_URL", "http://127.0.0.1:9/123456789012/poison",
                "AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9"), EventRelayHandler::new);

        // then
        assertThat(handler).isNotNull();
    }
}

package com.omnis.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.omnis.shared.config.Settings;
import com.omnis.shared.events.DomainEvent;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The relay fed with the stream sample of {@code events/streams/}. */
class EventRelayHandlerTest {

    private static DynamodbEvent sample() {
        Path file = Path.of(System.getProperty("omnis.repo.root", "../.."), "events", "streams", "outbox-inserts.json");
        return EventLoader.loadDynamoDbEvent(file.toString());
    }

    @Test
    void relaysTheEventsOfNewOutboxItemsAndIgnoresTheTtlsRemovals() {
        // given
        RecordingPublisher bus = RecordingPublisher.acceptingAll();

        // when
        StreamsEventResponse response = new EventRelayHandler(new OutboxRelay(bus)).handleRequest(sample(), null);

        // then
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(bus.batches).flatExtracting(batch -> batch).extracting(DomainEvent::type)
                .containsExactly("StockChanged", "LowStock", "ReservationExpired", "BackInStock");
        assertThat(bus.publishedIds()).startsWith("0b9a7c1e-5d2f-4e8a-9b61-3c7d2e1f0a41");
    }

    @Test
    void reportsTheSequenceNumberOfTheFirstItemTheBusRefused() {
        // given: the bus refuses the expiry
        RecordingPublisher bus = new RecordingPublisher(event -> event.type().equals("ReservationExpired"));

        // when
        StreamsEventResponse response = new EventRelayHandler(new OutboxRelay(bus)).handleRequest(sample(), null);

        // then
        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("111100000000000000000002");
    }

    @Test
    void isBuiltFromItsSettingsAsLambdaBuildsIt() {
        // when
        EventRelayHandler handler = Settings.withOverrides(Map.of("EVENT_BUS_NAME", "omnis-test",
                "AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9"), EventRelayHandler::new);

        // then
        assertThat(handler).isNotNull();
    }
}

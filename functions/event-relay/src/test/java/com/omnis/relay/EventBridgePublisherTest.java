package com.omnis.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

class EventBridgePublisherTest {

    /** An EventBridge client that answers PutEvents with what a test says. */
    private static final class StubEventBridge implements EventBridgeClient {
        final List<PutEventsRequest> requests = new ArrayList<>();
        private final java.util.function.Function<PutEventsRequest, PutEventsResponse> answer;

        StubEventBridge(java.util.function.Function<PutEventsRequest, PutEventsResponse> answer) {
            this.answer = answer;
        }

        @Override
        public PutEventsResponse putEvents(Consumer<PutEventsRequest.Builder> request) {
            PutEventsRequest built = PutEventsRequest.builder().applyMutation(request).build();
            requests.add(built);
            return answer.apply(built);
        }

        @Override
        public String serviceName() {
            return "events";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void putsEachEventOnTheBusWithItsTypeSourceAndTheWholeEnvelopeAsDetail() throws Exception {
        // given
        StubEventBridge bus = new StubEventBridge(request -> PutEventsResponse.builder().failedEntryCount(0)
                .entries(request.entries().stream().map(e -> PutEventsResultEntry.builder().eventId("eb-1").build()).toList())
                .build());
        List<DomainEvent> events = OutboxRelayTest.item("7", 2).events().orElseThrow();

        // when
        var refused = new EventBridgePublisher(bus, "omnis-dev").publish(events);

        // then
        assertThat(refused).isEmpty();
        var entries = bus.requests.getFirst().entries();
        assertThat(entries).hasSize(2).allSatisfy(entry -> {
            assertThat(entry.eventBusName()).isEqualTo("omnis-dev");
            assertThat(entry.source()).isEqualTo("omnis.inventory");
            assertThat(entry.detailType()).isEqualTo("StockChanged");
        });
        assertThat(Json.MAPPER.readTree(entries.get(1).detail()).get("id").asText()).isEqualTo("7-1");
    }

    @Test
    void returnsThePositionsOfTheEntriesTheBusRefused() {
        // given
        StubEventBridge bus = new StubEventBridge(request -> PutEventsResponse.builder().failedEntryCount(1).entries(
                PutEventsResultEntry.builder().eventId("eb-1").build(),
                PutEventsResultEntry.builder().errorCode("ThrottlingException").errorMessage("slow down").build(),
                PutEventsResultEntry.builder().eventId("eb-3").build()).build());

        // when
        var refused = new EventBridgePublisher(bus, "omnis-dev").publish(OutboxRelayTest.item("8", 3).events().orElseThrow());

        // then
        assertThat(refused).containsExactly(1);
    }

    @Test
    void aFailedCallRefusesTheWholeBatch() {
        // given
        StubEventBridge bus = new StubEventBridge(request -> {
            throw SdkClientException.create("connection reset");
        });

        // when
        var refused = new EventBridgePublisher(bus, "omnis-dev").publish(OutboxRelayTest.item("9", 3).events().orElseThrow());

        // then
        assertThat(refused).containsExactly(0, 1, 2);
    }
}

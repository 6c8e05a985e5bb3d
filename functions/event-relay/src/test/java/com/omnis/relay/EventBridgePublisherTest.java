package com.omnis.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

class EventBridgePublisherTest {

    /** An EventBridge client that answers PutEvents with what a test says. */
    static final class StubEventBridge implements EventBridgeClient {
        final List<PutEventsRequest> requests = new ArrayList<>();
        private final Function<PutEventsRequest, PutEventsResponse> answer;

        StubEventBridge(Function<PutEventsRequest, PutEventsResponse> answer) {
            this.answer = answer;
        }

        static StubEventBridge acceptingAll() {
            return new StubEventBridge(request -> PutEventsResponse.builder().failedEntryCount(0)
                    .entries(request.entries().stream().map(e -> PutEventsResultEntry.builder().eventId("eb").build()).toList())
                    .build());
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
        StubEventBridge bus = StubEventBridge.acceptingAll();
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
    void throttledEntriesAreRefusedForNowAndMalformedOnesForGood() {
        // given
        StubEventBridge bus = new StubEventBridge(request -> PutEventsResponse.builder().failedEntryCount(2).entries(
                PutEventsResultEntry.builder().eventId("eb-1").build(),
                PutEventsResultEntry.builder().errorCode("ThrottlingException").errorMessage("slow down").build(),
                PutEventsResultEntry.builder().errorCode("MalformedDetail").errorMessage("Detail is malformed.").build())
                .build());

        // when
        var refused = new EventBridgePublisher(bus, "omnis-dev").publish(OutboxRelayTest.item("8", 3).events().orElseThrow());

        // then
        assertThat(refused).containsOnlyKeys(1, 2);
        assertThat(refused.get(1).permanent()).isFalse();
        assertThat(refused.get(2)).isEqualTo(EventPublisher.Refusal.permanent("MalformedDetail", "Detail is malformed."));
    }

    @Test
    void aFailedCallRefusesTheWholeBatchForNow() {
        // given
        StubEventBridge bus = new StubEventBridge(request -> {
            throw SdkClientException.create("connection reset");
        });

        // when
        var refused = new EventBridgePublisher(bus, "omnis-dev").publish(OutboxRelayTest.item("9", 3).events().orElseThrow());

        // then
        assertThat(refused).containsOnlyKeys(0, 1, 2);
        assertThat(refused.values()).noneMatch(EventPublisher.Refusal::permanent);
    }

    @Test
    void anEventLargerThanAPutEventsRequestIsRefusedForGoodWithoutBeingSentAndTheOthersGoOut() {
        // given: the second of three events carries 300 KB
        StubEventBridge bus = StubEventBridge.acceptingAll();
        List<DomainEvent> events = List.of(event("small-1", 100), event("huge", 300_000), event("small-2", 100));

        // when
        var refused = new EventBridgePublisher(bus, "omnis-dev").publish(events);

        // then
        assertThat(refused).containsOnlyKeys(1);
        assertThat(refused.get(1).code()).isEqualTo("EntryTooLarge");
        assertThat(refused.get(1).permanent()).isTrue();
        assertThat(bus.requests).flatExtracting(PutEventsRequest::entries).extracting(entry -> idOf(entry.detail()))
                .containsExactly("small-1", "small-2");
    }

    @Test
    void eventsThatTogetherExceedARequestGoOutInSeveralRequestsOfAtMost256KiB() {
        // given: four events of 100 KB
        StubEventBridge bus = StubEventBridge.acceptingAll();
        List<DomainEvent> events = List.of(event("a", 100_000), event("b", 100_000), event("c", 100_000), event("d", 100_000));

        // when
        var refused = new EventBridgePublisher(bus, "omnis-dev").publish(events);

        // then
        assertThat(refused).isEmpty();
        assertThat(bus.requests).extracting(request -> request.entries().size()).containsExactly(2, 2);
        assertThat(bus.requests).allSatisfy(request -> assertThat(request.entries().stream()
                .mapToInt(EventBridgePublisher::size).sum()).isLessThanOrEqualTo(EventBridgePublisher.MAX_REQUEST_BYTES));
    }

    @Test
    void aRequestRefusedAsAWholeForItsContentIsSentOneByOneToFindTheEventAtFault() {
        // given: a bus that refuses any request holding the event "bad"
        StubEventBridge bus = new StubEventBridge(request -> {
            if (request.entries().stream().anyMatch(entry -> idOf(entry.detail()).equals("bad"))) {
                throw EventBridgeException.builder().statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").errorMessage("invalid").build())
                        .build();
            }
            return StubEventBridge.acceptingAll().answer.apply(request);
        });

        // when
        var refused = new EventBridgePublisher(bus, "omnis-dev").publish(List.of(event("ok-1", 10), event("bad", 10),
                event("ok-2", 10)));

        // then
        assertThat(refused).containsOnlyKeys(1);
        assertThat(refused.get(1).permanent()).isTrue();
        assertThat(bus.requests).hasSize(4);
    }

    @Test
    void aThrottledCallIsRefusedForNowEvenForOneEvent() {
        // given
        StubEventBridge bus = new StubEventBridge(request -> {
            throw EventBridgeException.builder().statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded").build())
                    .build();
        });

        // when
        var refused = new EventBridgePublisher(bus, "omnis-dev").publish(List.of(event("one", 10)));

        // then
        assertThat(refused).containsOnlyKeys(0);
        assertThat(refused.get(0).permanent()).isFalse();
    }

    static DomainEvent event(String id, int payloadChars) {
        return new DomainEvent(id, "StockChanged", "omnis.inventory", Instant.parse("2026-06-15T10:00:00Z"), "stock/X",
                Json.MAPPER.valueToTree(Map.of("padding", "x".repeat(payloadChars))), "corr");
    }

    static String idOf(String detail) {
        try {
            return Json.MAPPER.readTree(detail).path("id").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

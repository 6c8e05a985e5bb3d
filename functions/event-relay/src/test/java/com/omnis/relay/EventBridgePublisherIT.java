package com.omnis.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.aws.AwsEndpoints;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The relay's real publisher on a real bus (moto in CI): a rule on {@code source: omnis.inventory}
 * sends what the bus took to an SQS queue, read back to see exactly what consumers get.
 */
class EventBridgePublisherIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private final AwsClients events = new AwsClients(AwsEndpoints.settingsFor("eventbridge"));
    private final AwsClients queues = new AwsClients(AwsEndpoints.settingsFor("sqs"));
    private final EventBridgeClient eventBridge = events.configure(EventBridgeClient.builder()).build();
    private final SqsClient sqs = queues.configure(SqsClient.builder()).build();

    private final String bus = AwsEndpoints.uniqueName("bus");
    private final String rule = AwsEndpoints.uniqueName("rule");
    private String queueUrl;

    @BeforeEach
    void busWithARuleSendingInventoryEventsToAQueue() {
        eventBridge.createEventBus(r -> r.name(bus));
        queueUrl = sqs.createQueue(r -> r.queueName(AwsEndpoints.uniqueName("queue"))).queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String ruleArn = eventBridge.putRule(r -> r.name(rule).eventBusName(bus)
                .eventPattern("{\"source\":[\"omnis.inventory\"]}")).ruleArn();
        sqs.setQueueAttributes(r -> r.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY,
                allowRuleToSend(queueArn, ruleArn))));
        eventBridge.putTargets(r -> r.rule(rule).eventBusName(bus).targets(Target.builder().id("queue").arn(queueArn).build()));
    }

    @AfterEach
    void removeWhatTheTestCreated() {
        eventBridge.removeTargets(r -> r.rule(rule).eventBusName(bus).ids("queue"));
        eventBridge.deleteRule(r -> r.name(rule).eventBusName(bus));
        eventBridge.deleteEventBus(r -> r.name(bus));
        sqs.deleteQueue(r -> r.queueUrl(queueUrl));
        eventBridge.close();
        sqs.close();
    }

    @Test
    void twelveOutboxEventsGoOutInTwoPutEventsCallsAndArriveOnceEachWithTheirEnvelope() throws Exception {
        // given three outbox items of four events: more than one PutEvents batch of ten
        List<OutboxRelay.Item> items = List.of(item("1", 4), item("2", 4), item("3", 4));
        List<DomainEvent> sent = items.stream().flatMap(item -> item.events().orElseThrow().stream()).toList();

        // when
        List<String> retry = new OutboxRelay(new EventBridgePublisher(eventBridge, bus), new RecordingDeadLetters()).relay(items);

        // then every event reached the queue once, with the bus's source and detail-type and the whole envelope
        assertThat(retry).isEmpty();
        List<JsonNode> delivered = receive(12, Duration.ofSeconds(30));
        assertThat(delivered).hasSize(12);
        assertThat(delivered).allSatisfy(event -> {
            assertThat(event.path("source").asText()).isEqualTo("omnis.inventory");
            assertThat(event.path("detail-type").asText()).isEqualTo("StockChanged");
        });
        List<DomainEvent> received = delivered.stream()
                .map(event -> Json.MAPPER.convertValue(event.path("detail"), DomainEvent.class)).toList();
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void anEntryTheBusRefusesIsReportedByPositionAsPermanentAndTheOthersAreDelivered() throws Exception {
        // given: an event without a source, which PutEvents refuses entry by entry (the call itself succeeds)
        DomainEvent first = event("a-0", "omnis.inventory");
        DomainEvent refused = event("a-1", "");
        DomainEvent third = event("a-2", "omnis.inventory");

        // when
        Map<Integer, EventPublisher.Refusal> failed = new EventBridgePublisher(eventBridge, bus).publish(List.of(first, refused, third));

        // then
        assertThat(failed).containsOnlyKeys(1);
        assertThat(failed.get(1).permanent()).as("a missing source is the event's fault: %s", failed.get(1)).isTrue();
        List<JsonNode> delivered = receive(2, Duration.ofSeconds(30));
        assertThat(delivered).extracting(event -> event.path("detail").path("id").asText())
                .containsExactlyInAnyOrder("a-0", "a-2");
    }

    private static OutboxRelay.Item item(String sequenceNumber, int events) {
        return new OutboxRelay.Item(OutboxRelayTest.STREAM, sequenceNumber, "outbox-" + sequenceNumber, "{}",
                Optional.of(IntStream.range(0, events).mapToObj(i -> event(sequenceNumber + "-" + i, "omnis.inventory")).toList()));
    }

    private static DomainEvent event(String id, String source) {
        return new DomainEvent(id, "StockChanged", source, NOW, "stock/TEE-BLUE-M/wh-paris",
                Json.MAPPER.valueToTree(Map.of("sku", "TEE-BLUE-M", "onHand", 12)), "corr-" + id);
    }

    private static String allowRuleToSend(String queueArn, String ruleArn) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},
                "Action":"sqs:SendMessage","Resource":"%s","Condition":{"ArnEquals":{"aws:SourceArn":"%s"}}}]}"""
                .formatted(queueArn, ruleArn);
    }

    /** What arrives until {@code expected} messages came and the queue then stayed quiet for a poll, or the deadline. */
    private List<JsonNode> receive(int expected, Duration deadline) throws Exception {
        List<JsonNode> received = new ArrayList<>();
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                    .waitTimeSeconds(received.size() < expected ? 5 : 2).maxNumberOfMessages(10)).messages();
            if (messages.isEmpty() && received.size() >= expected) {
                break;
            }
            for (Message message : messages) {
                received.add(Json.MAPPER.readTree(message.body()));
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return received;
    }
}

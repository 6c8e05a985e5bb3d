package com.omnis.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** An event put on a custom bus reaches the SQS queue its rule targets, through the clients {@link AwsClients} builds. */
class EventBridgeRoundTripIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsClients events = new AwsClients(AwsEndpoints.settingsFor("eventbridge"));
    private final AwsClients queues = new AwsClients(AwsEndpoints.settingsFor("sqs"));
    private final EventBridgeClient eventBridge = events.configure(EventBridgeClient.builder())
            .httpClient(events.httpClient()).build();
    private final SqsClient sqs = queues.configure(SqsClient.builder()).httpClient(queues.httpClient()).build();

    private final String bus = AwsEndpoints.uniqueName("bus");
    private final String rule = AwsEndpoints.uniqueName("rule");
    private String queueUrl;

    @AfterEach
    void removeWhatTheTestCreated() {
        eventBridge.removeTargets(r -> r.rule(rule).eventBusName(bus).ids("queue"));
        eventBridge.deleteRule(r -> r.name(rule).eventBusName(bus));
        eventBridge.deleteEventBus(r -> r.name(bus));
        if (queueUrl != null) {
            sqs.deleteQueue(r -> r.queueUrl(queueUrl));
        }
    }

    @Test
    void anEventMatchingTheRuleIsDeliveredToTheQueueAndOthersAreNot() throws Exception {
        // given a bus whose rule sends the catalog's price changes to a queue
        String busArn = eventBridge.createEventBus(r -> r.name(bus)).eventBusArn();
        queueUrl = sqs.createQueue(r -> r.queueName(AwsEndpoints.uniqueName("queue"))).queueUrl();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String ruleArn = eventBridge.putRule(r -> r.name(rule).eventBusName(bus)
                .eventPattern("{\"source\":[\"omnis.catalog\"],\"detail-type\":[\"PriceChanged\"]}")).ruleArn();
        sqs.setQueueAttributes(r -> r.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY,
                allowRuleToSend(queueArn, ruleArn))));
        eventBridge.putTargets(r -> r.rule(rule).eventBusName(bus).targets(Target.builder().id("queue").arn(queueArn).build()));

        // when one matching and one other event are put
        var result = eventBridge.putEvents(r -> r.entries(
                entry(busArn, "PriceChanged", "{\"sku\":\"SHOE-1\",\"price\":{\"amount\":9999,\"currency\":\"EUR\"}}"),
                entry(busArn, "ProductCreated", "{\"sku\":\"SOCK-1\"}")));

        // then both were accepted and only the price change reached the queue, detail intact
        assertThat(result.failedEntryCount()).isZero();
        List<JsonNode> delivered = receive(Duration.ofSeconds(20));
        assertThat(delivered).hasSize(1);
        JsonNode event = delivered.getFirst();
        assertThat(event.path("source").asText()).isEqualTo("omnis.catalog");
        assertThat(event.path("detail-type").asText()).isEqualTo("PriceChanged");
        assertThat(event.path("detail").path("sku").asText()).isEqualTo("SHOE-1");
        assertThat(event.path("detail").path("price").path("amount").asLong()).isEqualTo(9999);
    }

    private static PutEventsRequestEntry entry(String busArn, String detailType, String detail) {
        return PutEventsRequestEntry.builder().eventBusName(busArn).source("omnis.catalog")
                .detailType(detailType).detail(detail).build();
    }

    private static String allowRuleToSend(String queueArn, String ruleArn) {
        return """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},
                "Action":"sqs:SendMessage","Resource":"%s","Condition":{"ArnEquals":{"aws:SourceArn":"%s"}}}]}"""
                .formatted(queueArn, ruleArn);
    }

    /** Everything that arrives until the queue has been quiet for a poll after the first message, or the deadline. */
    private List<JsonNode> receive(Duration deadline) throws Exception {
        List<JsonNode> received = new ArrayList<>();
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(received.isEmpty() ? 5 : 2)
                    .maxNumberOfMessages(10)).messages();
            if (messages.isEmpty() && !received.isEmpty()) {
                break;
            }
            for (Message message : messages) {
                received.add(JSON.readTree(message.body()));
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
        }
        return received;
    }
}

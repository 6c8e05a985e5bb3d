package com.omnis.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.aws.AwsEndpoints;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The relay's dead letters on a real SQS queue (moto and LocalStack in CI): what an operator reads back. */
class SqsDeadLettersIT {

    private final SqsClient sqs = new AwsClients(AwsEndpoints.settingsFor("sqs")).configure(SqsClient.builder()).build();
    private String queueUrl;

    @BeforeEach
    void queue() {
        queueUrl = sqs.createQueue(r -> r.queueName(AwsEndpoints.uniqueName("poison"))).queueUrl();
    }

    @AfterEach
    void removeIt() {
        sqs.deleteQueue(r -> r.queueUrl(queueUrl));
        sqs.close();
    }

    @Test
    void aRefusedEventArrivesWithItsItemTheEventTheReasonAndItsStreamPosition() throws Exception {
        // given
        OutboxRelay.Item item = OutboxRelayTest.item("42", 2);
        DomainEvent refused = item.events().orElseThrow().get(1);

        // when
        new SqsDeadLetters(sqs, queueUrl).send(DeadLetter.refused(item, refused,
                EventPublisher.Refusal.permanent("MalformedDetail", "Detail is malformed.")));

        // then
        Message message = receiveOne();
        DeadLetter letter = Json.read(message.body(), DeadLetter.class);
        assertThat(letter.event()).isEqualTo(refused);
        assertThat(letter.item()).isEqualTo(item.content());
        assertThat(letter).extracting(DeadLetter::reason, DeadLetter::errorCode, DeadLetter::sequenceNumber, DeadLetter::outboxId)
                .containsExactly(DeadLetter.REFUSED_EVENT, "MalformedDetail", "42", "outbox-42");
        assertThat(message.messageAttributes().get("reason").stringValue()).isEqualTo(DeadLetter.REFUSED_EVENT);
        assertThat(message.messageAttributes().get("outboxId").stringValue()).isEqualTo("outbox-42");
    }

    @Test
    void anEventTooLargeForAMessageArrivesWithItsIdsAndPositionButWithoutItsContent() throws Exception {
        // given: an event of 300 KB, over both PutEvents' and SQS's limits
        DomainEvent huge = new DomainEvent("huge-1", "StockChanged", "omnis.inventory", Instant.parse("2026-06-15T10:00:00Z"),
                "stock/X", Json.MAPPER.valueToTree(Map.of("padding", "x".repeat(300_000))), "corr");
        OutboxRelay.Item item = new OutboxRelay.Item(OutboxRelayTest.STREAM, "43", "outbox-43",
                "{\"events\":{\"S\":" + Json.MAPPER.valueToTree(Json.write(List.of(huge))) + "}}", Optional.of(List.of(huge)));

        // when
        new SqsDeadLetters(sqs, queueUrl).send(DeadLetter.refused(item, huge,
                EventPublisher.Refusal.permanent("EntryTooLarge", "too large")));

        // then
        Message message = receiveOne();
        assertThat(message.body().getBytes(StandardCharsets.UTF_8).length).isLessThan(SqsDeadLetters.MAX_BODY_BYTES);
        JsonNode letter = Json.MAPPER.readTree(message.body());
        assertThat(letter.path("eventId").asText()).isEqualTo("huge-1");
        assertThat(letter.path("outboxId").asText()).isEqualTo("outbox-43");
        assertThat(letter.path("sequenceNumber").asText()).isEqualTo("43");
        assertThat(letter.has("event")).isFalse();
        assertThat(letter.has("item")).isFalse();
    }

    private Message receiveOne() {
        List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(5).maxNumberOfMessages(10)
                .messageAttributeNames("All")).messages();
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }
}

package com.omnis.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.LocalRuntime;
import com.omnis.local.RuntimeOptions;
import com.omnis.relay.replay.ReplayOutboxCommand;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.config.Settings;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import com.omnis.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The outbox through the local runtime: the real relay polls the outbox table's stream, files a poison
 * item in the (local) SQS dead-letter queue with its content, publishes the healthy item behind it, and
 * {@code scripts/replay-outbox --local} republishes that item with the same event id.
 */
class OutboxRelayJourneyTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRuntime runtime;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(RuntimeOptions.defaults().withPort(0).withoutSeed().quiet(),
                new PrintStream(new ByteArrayOutputStream(), true));
        String aws = get("/_local").path("endpoints").path("aws").asText();
        dynamo = new AwsClients(Settings.of(Map.of("AWS_ENDPOINT_URL", aws, "AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "journey", "AWS_SECRET_ACCESS_KEY", "local"))).dynamoDb();
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        runtime.close();
    }

    @Test
    void aPoisonItemIsFiledWithItsContentTheNextIsPublishedAndAReplaySendsItAgainWithTheSameId() throws Exception {
        // given: an item no reader understands, then a healthy one
        dynamo.putItem(r -> r.tableName("OutboxTable").item(Map.of(OutboxRecord.ID, AttributeValue.fromS("journey-poison"),
                OutboxRecord.EVENTS, AttributeValue.fromS("[{\"id\": \"cut short"))));
        DomainEvent healthy = DomainEvent.of("StockChanged", "omnis.inventory", Instant.now(), "stock/JOURNEY/wh-paris",
                Map.of("sku", "JOURNEY"), "corr-journey");
        OutboxRecord record = OutboxRecord.of(List.of(healthy), Instant.now());
        dynamo.putItem(r -> r.tableName("OutboxTable").item(record.toItem()));

        // when the relay has run
        List<JsonNode> published = await(() -> busEventsWithId(healthy.id()), list -> list.size() == 1);
        JsonNode letters = await(() -> get("/_local/queues").path("queues").path("EventRelayPoisonDeadLetterQueue"),
                node -> node.size() == 1);

        // then: the healthy event went out; the poison is in the dead-letter queue with its content
        assertThat(published.getFirst().path("detail").path("id").asText()).isEqualTo(healthy.id());
        JsonNode letter = Json.MAPPER.readTree(letters.get(0).path("body").asText());
        assertThat(letter.path("reason").asText()).isEqualTo("unreadable-outbox-item");
        assertThat(letter.path("outboxId").asText()).isEqualTo("journey-poison");
        assertThat(Json.MAPPER.readTree(letter.path("item").asText()).path("events").path("S").asText())
                .isEqualTo("[{\"id\": \"cut short");

        // when: the healthy item is replayed from the outbox table
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ReplayOutboxCommand.run(new String[] {"--outbox-ids", record.id(), "--local", runtime.baseUrl().toString()},
                Settings.of(Map.of()), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        // then: the bus has it twice, with the same id and envelope
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("sent " + healthy.id());
        List<JsonNode> twice = await(() -> busEventsWithId(healthy.id()), list -> list.size() == 2);
        assertThat(twice.get(0).path("detail")).isEqualTo(twice.get(1).path("detail"));
    }

    private static List<JsonNode> busEventsWithId(String id) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        get("/_local/events").path("events").forEach(event -> {
            if (event.path("detail").path("id").asText().equals(id)) {
                found.add(event);
            }
        });
        return found;
    }

    private interface Read<T> {
        T read() throws Exception;
    }

    /** What {@code read} gives once {@code done} holds, within 15 seconds (the stream is polled). */
    private static <T> T await(Read<T> read, Predicate<T> done) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(15));
        T value = read.read();
        while (!done.test(value) && Instant.now().isBefore(end)) {
            Thread.sleep(100);
            value = read.read();
        }
        assertThat(done.test(value)).as("reached in time: %s", value).isTrue();
        return value;
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(response.body());
    }
}

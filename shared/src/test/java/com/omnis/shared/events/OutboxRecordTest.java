package com.omnis.shared.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.omnis.shared.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outbox envelope read back by an older reader: a deploy that adds a field poisons nothing. */
class OutboxRecordTest {

    record StockChanged(String sku, int onHand) {
    }

    private static final Instant NOW = Instant.parse("2026-06-15T10:00:00Z");

    /** The JSON an item's {@link OutboxRecord#EVENTS} holds, uncompressed. */
    private static String eventsAttribute(OutboxRecord record) {
        try (var json = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(
                record.toItem().get(OutboxRecord.EVENTS).b().asByteArray()))) {
            return new String(json.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theEventsAreStoredCompressedAndReadBackAsWrittenAndAnItemFromBeforeCompressionReadsTheSame() {
        // given: three events that repeat each other, as a hold's StockChanged do
        List<DomainEvent> events = java.util.stream.IntStream.range(0, 3).mapToObj(i -> DomainEvent.of("StockChanged",
                "omnis.inventory", NOW, "stock/TEE-BLUE-M/wh-" + i, new StockChanged("TEE-BLUE-M", i), "corr-1")).toList();
        OutboxRecord record = OutboxRecord.of(events, NOW);
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = record.toItem();
        String json = eventsAttribute(record);

        // then
        assertThat(item.get(OutboxRecord.EVENTS).b().asByteArray().length).isLessThan(json.length() / 2);
        assertThat(OutboxRecord.eventsOf(item)).isEqualTo(events);
        assertThat(OutboxRecord.parseEvents(item.get(OutboxRecord.EVENTS).b().asByteArray())).isEqualTo(events);
        var older = new java.util.HashMap<>(item);
        older.put(OutboxRecord.EVENTS, software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(json));
        assertThat(OutboxRecord.eventsOf(older)).isEqualTo(events);
    }

    @Test
    void anEventWrittenWithFieldsThisReaderDoesNotKnowIsReadBack() {
        // given: a newer writer added a field to the envelope and one to the event's data
        OutboxRecord record = OutboxRecord.of(List.of(DomainEvent.of("StockChanged", "omnis.inventory", NOW,
                "stock/TEE-BLUE-M/wh-paris", new StockChanged("TEE-BLUE-M", 4), "corr-1")), NOW);
        ArrayNode written = (ArrayNode) Json.read(eventsAttribute(record), com.fasterxml.jackson.databind.JsonNode.class);
        ObjectNode event = (ObjectNode) written.get(0);
        event.put("tenant", "omnis-eu");
        ((ObjectNode) event.get("data")).put("safetyStock", 1);

        // when
        List<DomainEvent> read = OutboxRecord.parseEvents(Json.write(written));

        // then
        assertThat(read).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(record.events().getFirst().id());
            assertThat(e.version()).isEqualTo(DomainEvent.VERSION);
            assertThat(e.dataAs(StockChanged.class)).isEqualTo(new StockChanged("TEE-BLUE-M", 4));
        });
    }

    @Test
    void theEnvelopeCarriesItsVersionAndAnEventWrittenBeforeItDidReadsAsVersionOne() {
        // given
        String written = eventsAttribute(OutboxRecord.of(List.of(DomainEvent.of("StockChanged", "omnis.inventory",
                NOW, "stock/TEE-BLUE-M/wh-paris", Map.of("sku", "TEE-BLUE-M"), "corr-1")), NOW));
        ArrayNode older = (ArrayNode) Json.read(written, com.fasterxml.jackson.databind.JsonNode.class);
        ((ObjectNode) older.get(0)).remove("version");

        // then
        assertThat(written).contains("\"version\":1");
        assertThat(OutboxRecord.parseEvents(Json.write(older))).extracting(DomainEvent::version).containsExactly(1);
    }
}

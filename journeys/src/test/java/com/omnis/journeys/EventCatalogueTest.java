package com.omnis.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.omnis.customers.domain.CustomerEvents;
import com.omnis.inventory.domain.StockEvents;
import com.omnis.local.template.SamTemplate;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import com.omnis.shared.privacy.Erasure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code events/README.md} is the one catalogue of events: every sample in {@code events/bus/} is listed
 * there and reads as what EventBridge delivers with the Omnis envelope as detail; every listed type has
 * its sample and its payload section; for the types whose payload record is registered here, the
 * sample's data is exactly that record (strictly parsed, no field missing) and the section lists
 * exactly its fields.
 */
class EventCatalogueTest {

    /** detail-type → the record its emitter writes as data. A context adds its events here. */
    private static final Map<String, Class<? extends Record>> PAYLOADS = Map.ofEntries(
            Map.entry(StockEvents.STOCK_CHANGED, StockEvents.StockChanged.class),
            Map.entry(StockEvents.LOW_STOCK, StockEvents.LowStock.class),
            Map.entry(StockEvents.BACK_IN_STOCK, StockEvents.BackInStock.class),
            Map.entry(StockEvents.RESERVATION_EXPIRED, StockEvents.ReservationExpired.class),
            Map.entry(CustomerEvents.CONSENT_CHANGED, CustomerEvents.ConsentChanged.class),
            Map.entry(CustomerEvents.ITEM_SAVED, CustomerEvents.ItemSaved.class),
            Map.entry(CustomerEvents.ITEM_UNSAVED, CustomerEvents.ItemUnsaved.class),
            Map.entry(CustomerEvents.INTERACTION_RECORDED, CustomerEvents.InteractionRecorded.class),
            Map.entry(Erasure.APPROVED, Erasure.Approved.class),
            Map.entry(Erasure.PART_COMPLETED, Erasure.PartCompleted.class),
            Map.entry(com.omnis.carts.service.CartSentToCustomer.TYPE, com.omnis.carts.service.CartSentToCustomer.class));

    /** The project's mapper, strict on unknown fields whatever readers elsewhere tolerate: a sample must be exact. */
    private static final ObjectMapper STRICT = Json.MAPPER.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES).enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private static final Path EVENTS = SamTemplate.repoRoot().resolve("events");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*`([^`]+)`\\s*\\|\\s*(\\S+)\\s*\\|[^|]*\\|[^|]*\\|\\s*\\[[^]]*]\\(([^)]+)\\)\\s*\\|$");
    private static final Pattern FIELD = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|");

    /** A row of the catalogue table. */
    record Entry(String type, String source, String version, String sample) {
    }

    @Test
    void everySampleOnTheBusIsListedInTheCatalogueAndEveryListedTypeHasItsSample() throws IOException {
        // given
        Set<String> samples;
        try (Stream<Path> files = Files.list(EVENTS.resolve("bus"))) {
            samples = files.filter(f -> f.toString().endsWith(".json")).map(f -> "bus/" + f.getFileName())
                    .collect(Collectors.toSet());
        }

        // then
        assertThat(catalogue()).extracting(Entry::sample).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(samples);
        assertThat(catalogue()).extracting(Entry::type).doesNotHaveDuplicates();
    }

    @Test
    void everyRegisteredPayloadIsAListedType() {
        assertThat(catalogue().stream().map(Entry::type).toList()).containsAll(PAYLOADS.keySet());
    }

    @TestFactory
    List<DynamicTest> eachSampleIsWhatTheBusDeliversWithTheEnvelopeAndThePayloadTheReadmeDescribes() {
        return catalogue().stream().map(entry -> DynamicTest.dynamicTest(entry.type(), () -> {
            JsonNode delivered = Json.MAPPER.readTree(EVENTS.resolve(entry.sample()).toFile());

            // EventBridge's own envelope, as a rule target receives it
            assertThat(delivered.path("version").asText()).isEqualTo("0");
            assertThat(delivered.path("detail-type").asText()).isEqualTo(entry.type());
            assertThat(delivered.path("source").asText()).isEqualTo(entry.source());
            assertThat(List.of("id", "account", "time", "region", "resources")).allMatch(delivered::has);

            // the Omnis envelope as detail, read by the real record
            DomainEvent event = STRICT.treeToValue(delivered.path("detail"), DomainEvent.class);
            assertThat(event.type()).isEqualTo(entry.type());
            assertThat(event.source()).isEqualTo(entry.source());
            assertThat(event.id()).isNotBlank();
            assertThat(event.subject()).isNotBlank();
            assertThat(event.correlationId()).isNotBlank();
            assertThat(entry.version()).matches("[1-9][0-9]*");

            Set<String> documented = payloadSection(entry.type());
            assertThat(documented).as("the README's payload section of %s", entry.type()).isNotEmpty();
            assertThat(fieldNames(event.data())).as("the sample's data fields of %s", entry.type())
                    .containsExactlyInAnyOrderElementsOf(documented);
            Class<? extends Record> payload = PAYLOADS.get(entry.type());
            if (payload != null) {
                Record data = STRICT.treeToValue(event.data(), payload);
                assertThat(data).isNotNull();
                assertThat(Arrays.stream(payload.getRecordComponents()).map(RecordComponent::getName))
                        .as("the fields of %s", payload.getName()).containsExactlyInAnyOrderElementsOf(documented);
                assertThat(Arrays.stream(payload.getRecordComponents())).allSatisfy(component ->
                        assertThat(component.getAccessor().invoke(data)).as("%s.%s in the sample", entry.type(), component.getName())
                                .isNotNull());
            }
        })).toList();
    }

    private static Set<String> fieldNames(JsonNode data) {
        Set<String> names = new LinkedHashSet<>();
        data.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> readme() {
        try {
            return Files.readAllLines(EVENTS.resolve("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of the table under "## Catalogue". */
    private static List<Entry> catalogue() {
        List<Entry> entries = new ArrayList<>();
        for (String line : section("## Catalogue")) {
            Matcher row = ROW.matcher(line.trim());
            if (row.matches()) {
                entries.add(new Entry(row.group(1), row.group(2), row.group(3), row.group(4)));
            }
        }
        assertThat(entries).as("rows of the catalogue in events/README.md").isNotEmpty();
        return entries;
    }

    /** The field names in the table under "### {@code type}". */
    private static Set<String> payloadSection(String type) {
        Set<String> fields = new LinkedHashSet<>();
        for (String line : section("### " + type)) {
            Matcher field = FIELD.matcher(line.trim());
            if (field.find()) {
                fields.add(field.group(1));
            }
        }
        return fields;
    }

    /** The lines after {@code heading} up to the next heading of any level. */
    private static List<String> section(String heading) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : readme()) {
            if (line.startsWith("#")) {
                current = new ArrayList<>();
                sections.put(line.trim(), current);
            } else if (current != null) {
                current.add(line);
            }
        }
        return sections.getOrDefault(heading, List.of());
    }
}

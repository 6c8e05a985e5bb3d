package com.omnis.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.template.SamTemplate;
import com.omnis.local.template.TableSpec;
import com.omnis.shared.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The privacy map ({@code docs/privacy-map.yaml}) covers every table of the template and every event type on
 * the bus, says for each why it keeps what it keeps and what an erasure does; and no event carries a contact.
 */
class PrivacyMapTest {

    private static final Path BUS = SamTemplate.repoRoot().resolve("events/bus");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"]+@[^@\\s\"]+\\.[a-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Set<String> CONTACT_FIELDS = Set.of("email", "phone", "name", "firstName", "lastName",
            "address", "contact", "to", "line1");

    private final PrivacyMap map = PrivacyMap.load();

    @Test
    void everyTableOfTheTemplateIsInTheMapAndTheMapNamesNoOtherTable() {
        Set<String> tables = SamTemplate.load().tables().stream().map(TableSpec::logicalId)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(new TreeSet<>(map.tables().keySet())).as("tables of docs/privacy-map.yaml").isEqualTo(tables);
    }

    @Test
    void everyEventTypeOnTheBusIsInTheMapAndTheMapNamesNoOtherType() throws IOException {
        assertThat(new TreeSet<>(map.events().keySet())).as("event types of docs/privacy-map.yaml")
                .isEqualTo(new TreeSet<>(samples().keySet()));
    }

    @TestFactory
    List<DynamicTest> eachTableSaysWhoOwnsItWhyItKeepsWhatItKeepsAndWhatErasureDoes() {
        return map.tables().values().stream().map(table -> DynamicTest.dynamicTest(table.name(), () -> {
            assertThat(table.context()).as("context").isNotBlank();
            assertThat(table.why()).as("why").isNotBlank();
            assertThat(table.export()).as("export").isNotBlank();
            assertThat(table.keeps()).as("keeps").isNotBlank();
            assertThat(PrivacyMap.ERASURES).as("erasure").contains(table.erasure());
            // a table with personal fields says how they go; one without says none
            assertThat(table.erasure().equals("none")).as("erasure none ⇔ no personal field")
                    .isEqualTo(table.personal().isEmpty());
        })).toList();
    }

    @TestFactory
    List<DynamicTest> eachEventNamesOnlyFieldsItHasAndCarriesNoContactNameOrAddress() throws IOException {
        Map<String, JsonNode> samples = samples();
        return map.events().values().stream().filter(e -> samples.containsKey(e.type()))
                .map(event -> DynamicTest.dynamicTest(event.type(), () -> {
                    JsonNode data = samples.get(event.type()).path("detail").path("data");
                    assertThat(event.why()).as("why").isNotBlank();
                    assertThat(event.personal()).as("personal fields of %s present in its sample", event.type())
                            .allMatch(data::has);
                    List<String> names = new ArrayList<>();
                    List<String> values = new ArrayList<>();
                    walk(data, names, values);
                    assertThat(names).as("field names of %s", event.type()).doesNotContainAnyElementsOf(CONTACT_FIELDS);
                    assertThat(values).as("values of %s", event.type())
                            .noneMatch(v -> EMAIL.matcher(v).find() || PHONE.matcher(v).find());
                })).toList();
    }

    private static void walk(JsonNode node, List<String> names, List<String> values) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                names.add(field.getKey());
                walk(field.getValue(), names, values);
            });
        } else if (node.isArray()) {
            node.forEach(element -> walk(element, names, values));
        } else if (node.isTextual()) {
            values.add(node.asText());
        }
    }

    private static Map<String, JsonNode> samples() throws IOException {
        try (Stream<Path> files = Files.list(BUS)) {
            return files.filter(f -> f.toString().endsWith(".json")).map(PrivacyMapTest::read)
                    .collect(Collectors.toMap(s -> s.path("detail-type").asText(), s -> s));
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

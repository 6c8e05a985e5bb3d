package com.omnis.journeys;

import com.omnis.local.template.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** {@code docs/privacy-map.yaml} as the tests read it: where personal data lives and what erasure does with it. */
record PrivacyMap(Map<String, Table> tables, Map<String, Event> events) {

    static final Path FILE = SamTemplate.repoRoot().resolve("docs/privacy-map.yaml");
    static final List<String> ERASURES = List.of("delete", "anonymise", "expire", "none");

    record Table(String name, String context, List<String> personal, String why, String export, String erasure,
                 String keeps) {
    }

    record Event(String type, List<String> personal, String why) {
    }

    @SuppressWarnings("unchecked")
    static PrivacyMap load() {
        try {
            Map<String, Object> root = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(FILE));
            Map<String, Table> tables = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) root.get("tables")).forEach((name, t) -> tables.put(name, new Table(name,
                    text(t.get("context")), list(t.get("personal")), text(t.get("why")), text(t.get("export")),
                    text(t.get("erasure")), text(t.get("keeps")))));
            Map<String, Event> events = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) root.get("events")).forEach((type, e) -> events.put(type,
                    new Event(type, list(e.get("personal")), text(e.get("why")))));
            return new PrivacyMap(tables, events);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tables an erasure must leave without the person: all but those holding no personal data. */
    List<Table> holdingPersonalData() {
        return tables.values().stream().filter(t -> !t.erasure().equals("none")).toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return value == null ? List.of() : ((List<Object>) value).stream().map(Object::toString).toList();
    }
}

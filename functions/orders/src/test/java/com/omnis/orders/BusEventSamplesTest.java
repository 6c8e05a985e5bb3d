package com.omnis.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.orders.domain.FulfilmentState;
import com.omnis.orders.domain.OrderEvent;
import com.omnis.orders.service.CheckoutService;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The orders' events as consumers receive them, documented by one sample each in {@code events/bus/}:
 * every event type the domain can emit has a sample, and every sample is an EventBridge event whose
 * detail is the one envelope ({@link DomainEvent}) with the order's id, number and sequence.
 */
class BusEventSamplesTest {

    private static final Path BUS = Path.of(System.getProperty("omnis.repo.root", "../.."), "events", "bus");

    static Set<String> emittedTypes() throws IllegalAccessException {
        Set<String> types = new TreeSet<>();
        for (Field field : OrderEvent.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                types.add((String) field.get(null));
            }
        }
        for (FulfilmentState state : FulfilmentState.values()) {
            if (state != FulfilmentState.CREATED) {
                types.add(OrderEvent.fulfilmentType(state));
            }
        }
        return types;
    }

    static List<JsonNode> ordersSamples() throws IOException {
        List<JsonNode> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(BUS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode sample = Json.MAPPER.readTree(Files.readString(file));
                // the orders' answer to an erasure is about a customer, not an order (OrderErasureTest covers it)
                if (sample.path("source").asText().equals(CheckoutService.SOURCE)
                        && !sample.path("detail-type").asText().equals(com.omnis.shared.privacy.Erasure.PART_COMPLETED)) {
                    samples.add(sample);
                }
            }
        }
        return samples;
    }

    @Test
    void everyEventTypeTheOrdersEmitHasASample() throws Exception {
        Set<String> sampled = new TreeSet<>();
        ordersSamples().forEach(sample -> sampled.add(sample.path("detail-type").asText()));

        assertThat(sampled).containsExactlyInAnyOrderElementsOf(emittedTypes());
    }

    @Test
    void everySampleCarriesTheEnvelopeWithTheOrdersIdNumberAndSequence() throws Exception {
        for (JsonNode sample : ordersSamples()) {
            DomainEvent event = Json.MAPPER.treeToValue(sample.path("detail"), DomainEvent.class);

            assertThat(event.type()).isEqualTo(sample.path("detail-type").asText());
            assertThat(event.subject()).isEqualTo("order/" + event.data().path("orderId").asText());
            assertThat(event.data().path("number").asText()).matches("OM-[0-9A-HJKMNP-TV-Z]{8}");
            assertThat(event.data().path("sequence").asLong()).as(event.type()).isPositive();
        }
    }
}

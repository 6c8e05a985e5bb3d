package com.omnis.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.customers.testing.CustomersFixture;
import com.omnis.local.testing.Http.As;
import com.omnis.shared.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Amazon Connect's contact events ({@code aws.connect} on the default bus) become interactions. */
class ContactCentreEventsTest {

    private static final As CAMILLE = As.customer("customer-42");

    private final CustomersFixture f = new CustomersFixture();

    @BeforeEach
    void aKnownCaller() {
        f.getMe(CAMILLE);
        assertThat(f.patchMe(CAMILLE, Map.of("name", "Camille Martin", "phone", "+33612345678")).status())
                .isEqualTo(200);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aFinishedCallFromAKnownNumberBecomesOneInteractionAndARedeliveryAddsNothing() throws Exception {
        ScheduledEvent call = sample("DISCONNECTED", "+33 6 12 34 56 78");

        String first = f.events.handleRequest(call, null).outcome();
        String again = f.events.handleRequest(call, null).outcome();

        assertThat(first).isEqualTo("recorded");
        assertThat(again).isEqualTo("already-recorded");
        assertThat(f.itemsOf("customer-42").stream().filter(i -> i.startsWith("INTERACTION#")))
                .containsExactly("INTERACTION#2026-12-03T09:14:00Z#int-connect-6f2a0c1e-1111-4c3b-9e7d-000000000001");
    }

    @Test
    void anUnknownCallerIsSkippedAndAStartedContactIgnored() throws Exception {
        int before = f.customerItems().size();

        assertThat(f.events.handleRequest(sample("DISCONNECTED", "+34699999999"), null).outcome())
                .isEqualTo("no-customer");
        assertThat(f.events.handleRequest(sample("INITIATED", "+33612345678"), null).outcome()).isEqualTo("ignored");
        assertThat(f.customerItems()).hasSize(before);
    }

    @SuppressWarnings("unchecked")
    private static ScheduledEvent sample(String eventType, String caller) throws Exception {
        Path file = Path.of(System.getProperty("omnis.repo.root", "../.."), "events", "connect",
                "ContactDisconnected.json");
        JsonNode json = Json.MAPPER.readTree(Files.readString(file));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("detail")).put("eventType", eventType);
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("detail").get("customerEndpoint"))
                .put("address", caller);
        ScheduledEvent event = new ScheduledEvent();
        event.setSource(json.get("source").asText());
        event.setDetailType(json.get("detail-type").asText());
        event.setId(json.get("id").asText());
        event.setDetail(Json.MAPPER.convertValue(json.get("detail"), Map.class));
        return event;
    }
}

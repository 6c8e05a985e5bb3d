package com.omnis.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.customers.testing.CustomersFixture;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import com.omnis.shared.events.DomainEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /customers/{id}/interactions}: agents and store staff record a contact; it joins the timeline. */
class InteractionTest {

    private static final As CAMILLE = As.customer("customer-42");
    private static final As AGENT = As.agent("agent-7");
    private static final Map<String, Object> CALL = Map.of("channel", "phone", "reason", "Where is my parcel",
            "summary", "Parcel OM-AAAA1111 is with the carrier; told the customer it arrives Friday.",
            "outcome", "resolved");

    private final CustomersFixture f = new CustomersFixture();

    @BeforeEach
    void aCustomer() {
        f.getMe(CAMILLE);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void anAgentRecordsACallThatJoinsTheTimelineWithoutItsSummaryOnTheBus() {
        // when
        Http.Response recorded = record(AGENT, "customer-42", CALL);

        // then
        assertThat(recorded.status()).isEqualTo(201);
        JsonNode body = recorded.body();
        assertThat(body.get("actor").get("kind").asText()).isEqualTo("agent");
        assertThat(body.get("actor").get("id").asText()).isEqualTo("agent-7");
        assertThat(body.get("outcome").asText()).isEqualTo("resolved");
        assertThat(recorded.headers().get("Location")).endsWith("/interactions/" + body.get("interactionId").asText());
        List<DomainEvent> events = f.outboxEvents();
        assertThat(events).extracting(DomainEvent::type).containsExactly("InteractionRecorded");
        DomainEvent event = events.get(0);
        assertThat(event.data().get("reason").asText()).startsWith("pd:v1:").doesNotContain("parcel");
        assertThat(event.data().has("summary")).isFalse();
        assertThat(event.data().toString()).doesNotContain("arrives Friday");

        // and the event, delivered back, is a fact of the timeline
        assertThat(f.deliver(event)).isEqualTo("added");
        JsonNode fact = f.http.send(Http.request("GET", "/me/timeline", "/me/timeline").as(CAMILLE))
                .body().get("items").get(0);
        assertThat(fact.get("summary").asText()).isEqualTo("Contact by phone: Where is my parcel");
        assertThat(fact.get("actor").get("kind").asText()).isEqualTo("agent");
        assertThat(fact.get("refs").get("interactionId").asText()).isEqualTo(body.get("interactionId").asText());
    }

    @Test
    void storeStaffRecordAContactAtTheirStore() {
        Http.Response recorded = record(As.staff("store-lyon"), "customer-42", Map.of("channel", "store",
                "reason", "Return without receipt", "summary", "Exchanged for a size M", "outcome", "resolved"));

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.body().get("actor").get("kind").asText()).isEqualTo("staff");
        assertThat(recorded.body().get("storeId").asText()).isEqualTo("store-lyon");
    }

    @Test
    void aBadContactIsA400NamingEveryFieldAndWritesNothing() {
        int before = f.customerItems().size();

        Http.Response refused = record(AGENT, "customer-42", Map.of("channel", "fax", "reason", " ",
                "summary", "x".repeat(2001), "outcome", "maybe"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.body().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("channel", "reason", "summary", "outcome");
        assertThat(f.customerItems()).hasSize(before);
        assertThat(f.outboxEvents()).isEmpty();
    }

    @Test
    void aCustomerNobodyKnowsIsA404AndWritesNothing() {
        Http.Response refused = record(AGENT, "customer-999", CALL);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(f.itemsOf("customer-999")).isEmpty();
        assertThat(f.outboxEvents()).isEmpty();
    }

    @Test
    void customersOpsAndStaffWithoutAStoreCannotRecordContacts() {
        assertThat(record(As.ANONYMOUS, "customer-42", CALL).status()).isEqualTo(401);
        As staffWithoutStore = new As(Map.of("sub", "staff-x", "cognito:groups", "[store-staff]"));
        for (As refused : List.of(CAMILLE, As.ops(), staffWithoutStore)) {
            assertThat(record(refused, "customer-42", CALL).status()).as(refused.toString()).isEqualTo(403);
        }
        assertThat(f.outboxEvents()).isEmpty();
    }

    private Http.Response record(As as, String customer, Map<String, Object> body) {
        return f.http.send(Http.request("POST", "/customers/{customerId}/interactions", "/customers/" + customer
                + "/interactions").path("customerId", customer).as(as).json(body));
    }
}

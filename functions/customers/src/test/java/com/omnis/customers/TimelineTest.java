package com.omnis.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.customers.testing.CustomersFixture;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The timeline: every context's events about a customer, one fact each, in their language; who may read it. */
class TimelineTest {

    private static final As CAMILLE = As.customer("customer-42");
    private static final As AGENT = As.agent("agent-7");
    private static final Instant T = CustomersFixture.NOW.minus(Duration.ofDays(2));

    private final CustomersFixture f = new CustomersFixture();

    @BeforeEach
    void aFrenchCustomer() {
        f.getMe(CAMILLE);
        assertThat(f.patchMe(CAMILLE, Map.of("locale", "fr")).status()).isEqualTo(200);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void anOrderAndItsShipmentBecomeFactsInTheCustomersLanguageInTheOrderTheyHappened() {
        // given the shipment arrives before the order it belongs to
        assertThat(f.deliver("omnis.orders", "FulfilmentShipped", T.plusSeconds(3600), Map.of("orderId", "ord-1",
                "number", "OM-AAAA1111", "sequence", 4, "customerId", "customer-42", "fulfilmentId", "f1")))
                .isEqualTo("added");
        assertThat(f.deliver("omnis.orders", "OrderPlaced", T, Map.of("orderId", "ord-1", "number", "OM-AAAA1111",
                "sequence", 1, "customerId", "customer-42", "channel", "mobile",
                "placedBy", Map.of("role", "customer", "subject", "customer-42")))).isEqualTo("added");

        // when
        Http.Response timeline = myTimeline(CAMILLE, Map.of());

        // then newest first, whatever the arrival order
        assertThat(timeline.status()).isEqualTo(200);
        JsonNode items = timeline.body().get("items");
        assertThat(texts(items, "type")).containsExactly("FulfilmentShipped", "OrderPlaced");
        assertThat(texts(items, "summary")).containsExactly("Commande OM-AAAA1111 : expédiée",
                "Commande OM-AAAA1111 passée sur mobile");
        JsonNode placed = items.get(1);
        assertThat(placed.get("channel").asText()).isEqualTo("mobile");
        assertThat(placed.get("actor").get("kind").asText()).isEqualTo("customer");
        assertThat(placed.get("refs").get("orderNumber").asText()).isEqualTo("OM-AAAA1111");
        assertThat(items.get(0).get("actor").get("kind").asText()).isEqualTo("system");
        assertThat(items.get(0).get("refs").get("fulfilmentId").asText()).isEqualTo("f1");
    }

    @Test
    void whatAnAgentDidForTheCustomerShowsTheAgentAsActorOnCallCenter() {
        // given an agent checked out the customer's cart, then sent another cart back (docs/acting-on-behalf.md)
        assertThat(f.deliver("omnis.orders", "OrderPlaced", T, Map.of("orderId", "ord-2", "number", "OM-BBBB2222",
                "sequence", 1, "customerId", "customer-42", "channel", "call-center",
                "placedBy", Map.of("role", "agent", "subject", "agent-7")))).isEqualTo("added");
        assertThat(f.deliver("omnis.carts", "CartSentToCustomer", T.plusSeconds(60), Map.of("customerId", "customer-42",
                "cartId", "3f0c1b9e-8a57-4d2b-9c61-0d4a5e7f8b21", "channel", "sms", "agentId", "agent-7",
                "actor", Map.of("kind", "agent", "id", "agent-7"), "touchpoint", "call-center",
                "linkPath", "/cart/3f0c1b9e-8a57-4d2b-9c61-0d4a5e7f8b21"))).isEqualTo("added");

        // when
        JsonNode items = customerTimeline(AGENT, "customer-42", Map.of()).body().get("items");

        // then
        assertThat(texts(items, "type")).containsExactly("CartSentToCustomer", "OrderPlaced");
        assertThat(texts(items, "summary")).containsExactly("Panier renvoyé par sms",
                "Commande OM-BBBB2222 passée sur call-center");
        for (JsonNode item : items) {
            assertThat(item.get("actor").get("kind").asText()).isEqualTo("agent");
            assertThat(item.get("actor").get("id").asText()).isEqualTo("agent-7");
            assertThat(item.get("channel").asText()).isEqualTo("call-center");
        }
        assertThat(items.get(0).get("refs").get("cartId").asText()).isEqualTo("3f0c1b9e-8a57-4d2b-9c61-0d4a5e7f8b21");
    }

    @Test
    void aRedeliveredEventIsStillOneFact() {
        var event = new com.omnis.shared.events.DomainEvent("evt-1", "ItemSaved", "omnis.customers", T, "s",
                com.omnis.shared.json.Json.MAPPER.valueToTree(Map.of("customerId", "customer-42", "sku", "TEE-BLUE-M",
                        "touchpoint", "web")), "c");

        assertThat(f.deliver(event)).isEqualTo("added");
        assertThat(f.deliver(event)).isEqualTo("already-there");

        assertThat(f.itemsOf("customer-42").stream().filter(i -> i.startsWith("TIMELINE#"))).hasSize(1);
        assertThat(myTimeline(CAMILLE, Map.of()).body().get("items").get(0).get("summary").asText())
                .isEqualTo("TEE-BLUE-M ajouté aux favoris");
    }

    @Test
    void guestOrdersAndEventsThatAreNotFactsWriteNothing() {
        int before = f.customerItems().size();

        assertThat(f.deliver("omnis.orders", "OrderPlaced", T, Map.of("orderId", "ord-g", "number", "OM-GUEST001",
                "placedBy", Map.of("role", "guest", "subject", "guest")))).isEqualTo("no-customer");
        assertThat(f.deliver("omnis.orders", "SomethingNew", T, Map.of("customerId", "customer-42")))
                .isEqualTo("not-a-fact");

        assertThat(f.customerItems()).hasSize(before);
    }

    @Test
    void anAgentReadsAnyCustomersTimelineByTypeAPageAtATime() {
        for (int i = 0; i < 55; i++) {
            f.deliver("omnis.orders", "OrderPlaced", T.plusSeconds(i), Map.of("orderId", "ord-" + i,
                    "number", "OM-" + i, "customerId", "customer-42", "channel", "web"));
        }
        f.deliver("omnis.customers", "ConsentChanged", T.plusSeconds(100), Map.of("customerId", "customer-42",
                "purpose", "marketing", "channel", "email", "granted", false, "touchpoint", "call-center",
                "actor", Map.of("kind", "agent", "id", "agent-7")));

        Http.Response first = customerTimeline(AGENT, "customer-42", Map.of("types", "OrderPlaced"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("items")).hasSize(50);
        assertThat(first.body().get("items").get(0).get("refs").get("orderId").asText()).isEqualTo("ord-54");
        Http.Response second = customerTimeline(AGENT, "customer-42", Map.of("types", "OrderPlaced",
                "cursor", first.body().get("nextCursor").asText()));
        assertThat(second.body().get("items")).hasSize(5);

        JsonNode consent = customerTimeline(AGENT, "customer-42", Map.of("types", "ConsentChanged")).body().get("items");
        assertThat(consent).hasSize(1);
        assertThat(consent.get(0).get("summary").asText()).isEqualTo("Accord retiré : marketing par email");
        assertThat(consent.get(0).get("actor").get("kind").asText()).isEqualTo("agent");
        assertThat(consent.get(0).get("channel").asText()).isEqualTo("call-center");
    }

    @Test
    void onlyTheCustomerReadsTheirOwnTimelineAndOnlyAgentsReadAnyones() {
        assertThat(myTimeline(As.ANONYMOUS, Map.of()).status()).isEqualTo(401);
        assertThat(myTimeline(AGENT, Map.of()).status()).isEqualTo(403);
        assertThat(myTimeline(As.staff("store-lyon"), Map.of()).status()).isEqualTo(403);
        assertThat(customerTimeline(As.ANONYMOUS, "customer-42", Map.of()).status()).isEqualTo(401);
        for (As refused : List.of(CAMILLE, As.customer("customer-77"), As.staff("store-lyon"), As.ops())) {
            assertThat(customerTimeline(refused, "customer-42", Map.of()).status()).as(refused.toString()).isEqualTo(403);
        }
    }

    @Test
    void aCursorOrTypesThatAreNotOursAreA400() {
        String otherListing = java.util.Base64.getUrlEncoder().encodeToString(
                "{\"customerId\":\"customer-42\",\"item\":\"PROFILE\"}".getBytes());
        String otherCustomer = java.util.Base64.getUrlEncoder().encodeToString(
                "{\"customerId\":\"customer-77\",\"item\":\"TIMELINE#x\"}".getBytes());

        for (Map<String, String> query : List.of(Map.of("cursor", otherListing), Map.of("cursor", otherCustomer),
                Map.of("cursor", "%%%"), Map.of("types", "order placed"), Map.of("types", "OrderPlaced,;DROP"))) {
            Http.Response refused = myTimeline(CAMILLE, query);
            assertThat(refused.status()).as(query.toString()).isEqualTo(400);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
        }
    }

    private Http.Response myTimeline(As as, Map<String, String> query) {
        Http.Request request = Http.request("GET", "/me/timeline", "/me/timeline").as(as);
        query.forEach(request::query);
        return f.http.send(request);
    }

    private Http.Response customerTimeline(As as, String customer, Map<String, String> query) {
        Http.Request request = Http.request("GET", "/customers/{customerId}/timeline", "/customers/" + customer
                + "/timeline").path("customerId", customer).as(as);
        query.forEach(request::query);
        return f.http.send(request);
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        StreamSupport.stream(items.spliterator(), false).forEach(i -> values.add(i.get(field).toString()
                .replaceAll("^\"|\"$", "")));
        return values;
    }
}

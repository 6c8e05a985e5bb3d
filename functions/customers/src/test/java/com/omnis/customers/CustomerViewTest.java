package com.omnis.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.customers.testing.CustomersFixture;
import com.omnis.local.testing.Http;
import com.omnis.local.testing.Http.As;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /customers/{id}}: the agent's one screen of a customer, every look recorded. */
class CustomerViewTest {

    private static final As CAMILLE = As.customer("customer-42");
    private static final As AGENT = As.agent("agent-7");

    private final CustomersFixture f = new CustomersFixture();

    @BeforeEach
    void aCustomerWhoShopsAndCalls() {
        f.getMe(CAMILLE);
        f.patchMe(CAMILLE, Map.of("name", "Camille Martin", "phone", "+33612345678"));
        f.save(CAMILLE, "mobile", "TEE-BLUE-M");
        f.order("ord-1", "OM-AAAA1111", "placed", CustomersFixture.NOW.minus(Duration.ofHours(2)), List.of(),
                List.of(Map.of("claimId", "clm-1", "status", "open"), Map.of("claimId", "clm-0", "status", "resolved")));
        f.deliver("omnis.orders", "OrderPlaced", CustomersFixture.NOW.minus(Duration.ofHours(2)), Map.of(
                "orderId", "ord-1", "number", "OM-AAAA1111", "customerId", "customer-42", "channel", "mobile"));
        f.http.send(Http.request("POST", "/customers/{customerId}/interactions", "/customers/customer-42/interactions")
                .path("customerId", "customer-42").as(AGENT).json(Map.of("channel", "phone", "reason", "Delivery date",
                        "summary", "Asked when the tee arrives", "outcome", "resolved")));
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void anAgentSeesProfileSavedItemsOrdersTimelineAndContactsInOneCall() {
        Http.Response view = view(AGENT, "customer-42");

        assertThat(view.status()).isEqualTo(200);
        JsonNode body = view.body();
        assertThat(body.get("profile").get("name").asText()).isEqualTo("Camille Martin");
        assertThat(body.get("savedItems").get(0).get("sku").asText()).isEqualTo("TEE-BLUE-M");
        assertThat(body.get("orders").get(0).get("number").asText()).isEqualTo("OM-AAAA1111");
        assertThat(body.get("orders").get(0).get("status").asText()).isEqualTo("placed");
        assertThat(body.get("orders").get(0).get("openClaims").get(0).asText()).isEqualTo("clm-1");
        assertThat(body.get("orders").get(0).get("openClaims")).hasSize(1);
        assertThat(body.get("timeline").get(0).get("type").asText()).isEqualTo("OrderPlaced");
        assertThat(body.get("interactions").get(0).get("reason").asText()).isEqualTo("Delivery date");
    }

    @Test
    void everyLookIsRecordedWithWhoAndWhen() {
        view(AGENT, "customer-42");
        f.clock.advance(java.time.Duration.ofMinutes(1));
        view(As.agent("agent-9"), "customer-42");
        f.clock.advance(java.time.Duration.ofMinutes(1));

        JsonNode viewedBy = view(AGENT, "customer-42").body().get("viewedBy");

        assertThat(viewedBy.findValuesAsText("id")).containsExactly("agent-9", "agent-7");
        assertThat(viewedBy.get(0).get("at").asText()).isNotBlank();
        assertThat(f.itemsOf("customer-42").stream().filter(i -> i.startsWith("VIEWED#"))).hasSize(3);
    }

    @Test
    void anAgentFindsTheCustomerByAnOrderNumberReadOutOnThePhone() {
        Http.Response found = f.http.send(Http.request("GET", "/agent/customers", "/agent/customers").as(AGENT)
                .query("orderNumber", " om-aaaa1111 "));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("customers").get(0).get("customerId").asText()).isEqualTo("customer-42");
        assertThat(f.http.send(Http.request("GET", "/agent/customers", "/agent/customers").as(AGENT)
                .query("orderNumber", "OM-ZZZZ9999")).body().get("customers")).isEmpty();
        assertThat(f.http.send(Http.request("GET", "/agent/customers", "/agent/customers").as(AGENT)
                .query("orderNumber", "12345")).status()).isEqualTo(400);
    }

    @Test
    void onlyAgentsSeeTheViewAndAnUnknownCustomerIsA404WithNothingRecorded() {
        assertThat(view(As.ANONYMOUS, "customer-42").status()).isEqualTo(401);
        for (As refused : List.of(CAMILLE, As.customer("customer-77"), As.staff("store-lyon"), As.ops())) {
            assertThat(view(refused, "customer-42").status()).as(refused.toString()).isEqualTo(403);
        }
        assertThat(f.itemsOf("customer-42").stream().filter(i -> i.startsWith("VIEWED#"))).isEmpty();

        assertThat(view(AGENT, "customer-999").status()).isEqualTo(404);
        assertThat(f.itemsOf("customer-999")).isEmpty();
    }

    private Http.Response view(As as, String customer) {
        return f.http.send(Http.request("GET", "/customers/{customerId}", "/customers/" + customer)
                .path("customerId", customer).as(as));
    }
}

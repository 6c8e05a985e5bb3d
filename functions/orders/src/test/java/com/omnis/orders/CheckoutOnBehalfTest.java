package com.omnis.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.local.testing.Http;
import com.omnis.orders.testing.OrdersFixture;
import com.omnis.shared.events.DomainEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A call-centre agent checks out a customer's cart for them (docs/acting-on-behalf.md). */
class CheckoutOnBehalfTest {

    private static final String AGENT = "agent-7";
    private static OrdersFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new OrdersFixture();
        fixture.stock(OrdersFixture.TEE, OrdersFixture.WAREHOUSE, 50);
        fixture.stock(OrdersFixture.TEE, OrdersFixture.LYON, 50);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static Http.Response checkout(Http.As as, String channel, Map<String, Object> body) {
        return fixture.http.send(Http.request("POST", "/orders", "/orders").as(as).header("X-Channel", channel)
                .header("Idempotency-Key", "key-" + UUID.randomUUID()).json(body));
    }

    private static Map<String, Object> forCustomer(Map<String, Object> body, String customerId) {
        Map<String, Object> withCustomer = new HashMap<>(body);
        withCustomer.put("customerId", customerId);
        return withCustomer;
    }

    @Test
    void theAgentChecksOutTheCustomersCartAndTheOrderAndItsEventNameBoth() {
        // given
        String cartId = fixture.cart("caller-1", Map.of(OrdersFixture.TEE, 2));

        // when
        Http.Response placed = checkout(Http.As.agent(AGENT), "call-center",
                forCustomer(OrdersFixture.delivery(cartId, "pay-" + UUID.randomUUID()), "caller-1"));

        // then
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asText();
        assertThat(placed.body().path("customerId").asText()).isEqualTo("caller-1");
        assertThat(placed.body().path("channel").asText()).isEqualTo("call-center");
        assertThat(placed.body().path("placedBy").path("role").asText()).isEqualTo("agent");
        assertThat(placed.body().path("placedBy").path("subject").asText()).isEqualTo(AGENT);
        assertThat(placed.body().path("paymentStatus").asText()).as("a card is authorised, never captured, at checkout")
                .isEqualTo("authorised");
        assertThat(fixture.cartStatus(cartId)).isEqualTo("CHECKED_OUT");
        DomainEvent event = fixture.outboxEvents("OrderPlaced").stream()
                .filter(e -> e.data().path("orderId").asText().equals(orderId)).findFirst().orElseThrow();
        assertThat(event.data().path("customerId").asText()).isEqualTo("caller-1");
        assertThat(event.data().path("placedBy").path("role").asText()).isEqualTo("agent");
        assertThat(event.data().path("placedBy").path("subject").asText()).isEqualTo(AGENT);
        assertThat(fixture.get(Http.As.customer("caller-1"), orderId).status()).as("the customer's order").isEqualTo(200);
    }

    @Test
    void theAgentMayLetTheCustomerPayAtPickupAsTheCustomerCould() {
        // given
        String cartId = fixture.cart("caller-2", Map.of(OrdersFixture.TEE, 1));
        Map<String, Object> body = Map.of("cartId", cartId, "customerId", "caller-2",
                "fulfilment", Map.of("method", "pickup", "locationId", OrdersFixture.LYON),
                "payment", Map.of("method", "pay-at-pickup"));

        // when
        Http.Response placed = checkout(Http.As.agent(AGENT), "call-center", body);

        // then
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        assertThat(placed.body().path("paymentStatus").asText()).isEqualTo("pending");
    }

    @Test
    void anAgentCannotMarkAPaymentCapturedNorSellInStore() {
        // given
        String cartId = fixture.cart("caller-3", Map.of(OrdersFixture.TEE, 1));
        int orders = fixture.orderCount();

        // when
        Http.Response till = checkout(Http.As.agent(AGENT), "call-center", Map.of("cartId", cartId, "customerId", "caller-3",
                "fulfilment", Map.of("method", "pickup", "locationId", OrdersFixture.LYON), "payment", Map.of("method", "till")));
        Http.Response inStore = checkout(Http.As.agent(AGENT), "call-center", Map.of("cartId", cartId,
                "customerId", "caller-3", "fulfilment", Map.of("method", "in-store"), "payment", Map.of("method", "till")));

        // then
        assertThat(till.status()).as("%s", till.body()).isEqualTo(422);
        assertThat(till.body().path("type").asText()).endsWith("/payment-not-allowed");
        assertThat(inStore.status()).as("%s", inStore.body()).isEqualTo(403);
        assertThat(fixture.cartStatus(cartId)).isEqualTo("ACTIVE");
        assertThat(fixture.orderCount()).isEqualTo(orders);
    }

    @Test
    void onlyAnAgentOnCallCenterChecksOutForACustomerAndOnlyThatCustomersCart() {
        // given
        String cartId = fixture.cart("caller-4", Map.of(OrdersFixture.TEE, 1));
        String otherCart = fixture.cart("caller-5", Map.of(OrdersFixture.TEE, 1));
        Map<String, Object> body = forCustomer(OrdersFixture.delivery(cartId, "pay-" + UUID.randomUUID()), "caller-4");
        int orders = fixture.orderCount();

        // when
        Http.Response customerItself = checkout(Http.As.customer("caller-4"), "web", body);
        Http.Response anotherCustomer = checkout(Http.As.customer("caller-5"), "web", body);
        Http.Response staff = checkout(Http.As.staff(OrdersFixture.LYON), "call-center", body);
        Http.Response anonymous = checkout(Http.As.ANONYMOUS, "call-center", body);
        Http.Response agentOnWeb = checkout(Http.As.agent(AGENT), "web", body);
        Http.Response agentOnStore = checkout(Http.As.agent(AGENT), "store", body);
        Http.Response anotherCustomersCart = checkout(Http.As.agent(AGENT), "call-center",
                forCustomer(OrdersFixture.delivery(otherCart, "pay-" + UUID.randomUUID()), "caller-4"));
        Http.Response withoutCustomer = checkout(Http.As.agent(AGENT), "call-center",
                OrdersFixture.delivery(cartId, "pay-" + UUID.randomUUID()));
        Http.Response badCustomerId = checkout(Http.As.agent(AGENT), "call-center",
                forCustomer(OrdersFixture.delivery(cartId, "pay-" + UUID.randomUUID()), "not an id"));

        // then
        assertThat(customerItself.status()).isEqualTo(403);
        assertThat(anotherCustomer.status()).isEqualTo(403);
        assertThat(staff.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(agentOnWeb.status()).isEqualTo(403);
        assertThat(agentOnStore.status()).isEqualTo(403);
        assertThat(anotherCustomersCart.status()).isEqualTo(404);
        assertThat(withoutCustomer.status()).as("an agent's own subject owns no cart").isEqualTo(404);
        assertThat(badCustomerId.status()).isEqualTo(400);
        assertThat(customerItself.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(fixture.cartStatus(cartId)).isEqualTo("ACTIVE");
        assertThat(fixture.cartStatus(otherCart)).isEqualTo("ACTIVE");
        assertThat(fixture.orderCount()).isEqualTo(orders);
    }
}

package com.omnis.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.local.testing.Http;
import com.omnis.orders.testing.OrdersFixture;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The other ways to check out and the ways back: a guest, the till, same-day, a changed total, a cancellation. */
class CheckoutFlowsTest {

    private static OrdersFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new OrdersFixture();
        fixture.stock(OrdersFixture.TEE, OrdersFixture.WAREHOUSE, 20);
        fixture.stock(OrdersFixture.TEE, OrdersFixture.LYON, 20);
        fixture.stock(OrdersFixture.CAP, OrdersFixture.LILLE, 3);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static Http.Request checkout(Http.As as, String channel, Map<String, Object> body) {
        return Http.request("POST", "/orders", "/orders").as(as).header("X-Channel", channel)
                .header("Idempotency-Key", "key-" + UUID.randomUUID()).json(body);
    }

    @Test
    void aGuestChecksOutWithItsCartTokenAndContactAndReadsTheOrderWithTheSameToken() {
        String[] cart = fixture.guestCart(Map.of(OrdersFixture.TEE, 1));
        Map<String, Object> noContact = OrdersFixture.delivery(cart[0], "pay-" + UUID.randomUUID());

        Http.Response withoutContact = fixture.http.send(checkout(Http.As.ANONYMOUS, "mobile", noContact).header("X-Cart-Token", cart[1]));
        Map<String, Object> body = new java.util.HashMap<>(noContact);
        body.put("contact", Map.of("email", "guest@example.com"));
        Http.Response placed = fixture.http.send(checkout(Http.As.ANONYMOUS, "mobile", body).header("X-Cart-Token", cart[1]));

        assertThat(withoutContact.status()).isEqualTo(422);
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        assertThat(placed.body().path("placedBy").path("role").asText()).isEqualTo("guest");
        String orderId = placed.body().path("orderId").asText();
        Http.Request read = Http.request("GET", "/orders/{orderId}", "/orders/" + orderId).path("orderId", orderId);
        assertThat(fixture.http.send(read).status()).isEqualTo(404);
        assertThat(fixture.http.send(Http.request("GET", "/orders/{orderId}", "/orders/" + orderId).path("orderId", orderId)
                .header("X-Cart-Token", cart[1])).status()).isEqualTo(200);
    }

    @Test
    void staffAtTheTillSellFromTheirShelfAndTheSaleIsCollectedAtOnce() {
        // the till rings up a walk-in's items in a cart it opened (a guest cart: its token stays on the till)
        String[] cart = fixture.guestCart(Map.of(OrdersFixture.CAP, 2));

        Http.Response sale = fixture.http.send(checkout(Http.As.staff(OrdersFixture.LILLE), "store", Map.of("cartId", cart[0],
                "fulfilment", Map.of("method", "in-store"), "payment", Map.of("method", "till"))).header("X-Cart-Token", cart[1]));

        assertThat(sale.status()).as("%s", sale.body()).isEqualTo(201);
        assertThat(sale.body().path("status").asText()).isEqualTo("completed");
        assertThat(sale.body().path("paymentStatus").asText()).isEqualTo("captured");
        assertThat(sale.body().path("fulfilments").path(0).path("kind").asText()).isEqualTo("in-store");
        assertThat(sale.body().path("fulfilments").path(0).path("state").asText()).isEqualTo("collected");
        assertThat(sale.body().path("placedBy").path("storeId").asText()).isEqualTo(OrdersFixture.LILLE);
        assertThat(fixture.position(OrdersFixture.CAP, OrdersFixture.LILLE).onHand()).isEqualTo(1);
    }

    @Test
    void sameDayComesFromTheStoreWhoseZoneCoversTheAddress() {
        String cartId = fixture.cart("hurry-1", Map.of(OrdersFixture.TEE, 1));

        Http.Response placed = fixture.checkout(Http.As.customer("hurry-1"), "key-" + UUID.randomUUID(), Map.of("cartId", cartId,
                "fulfilment", Map.of("method", "same-day", "address",
                        Map.of("line1", "2 place Bellecour", "postalCode", "69002", "city", "Lyon", "country", "FR")),
                "payment", Map.of("method", "card", "reference", "pay-" + UUID.randomUUID())));

        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        assertThat(placed.body().path("fulfilments").path(0).path("locationId").asText()).isEqualTo(OrdersFixture.LYON);
        assertThat(placed.body().path("fulfilments").path(0).path("kind").asText()).isEqualTo("same-day");
    }

    @Test
    void aTotalThatChangedSinceTheChannelShowedItIsRefusedWithTheNewTotalsAndNothingChanges() {
        String cartId = fixture.cart("careful-1", Map.of(OrdersFixture.TEE, 2));
        Map<String, Object> body = new java.util.HashMap<>(OrdersFixture.delivery(cartId, "pay-" + UUID.randomUUID()));
        body.put("expectedTotal", Map.of("amount", 1999, "currency", "EUR"));
        long before = fixture.position(OrdersFixture.TEE, OrdersFixture.WAREHOUSE).onHand();

        Http.Response refused = fixture.checkout(Http.As.customer("careful-1"), "key-" + UUID.randomUUID(), body);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("type").asText()).endsWith("/total-changed");
        assertThat(refused.body().path("current").path("totals").path("total").path("amount").asLong()).isEqualTo(3998);
        assertThat(fixture.cartStatus(cartId)).isEqualTo("ACTIVE");
        assertThat(fixture.position(OrdersFixture.TEE, OrdersFixture.WAREHOUSE).onHand()).isEqualTo(before);
    }

    @Test
    void theCustomerCancelsBeforeShippingAndTheUnitsGoBackToTheirLocation() {
        String cartId = fixture.cart("changed-mind-1", Map.of(OrdersFixture.TEE, 3));
        Http.Response placed = fixture.checkout(Http.As.customer("changed-mind-1"), "key-" + UUID.randomUUID(),
                OrdersFixture.delivery(cartId, "pay-" + UUID.randomUUID()));
        String orderId = placed.body().path("orderId").asText();
        long after = fixture.position(OrdersFixture.TEE, OrdersFixture.WAREHOUSE).onHand();

        Http.Response cancelled = fixture.post(Http.As.customer("changed-mind-1"), "/orders/{orderId}/cancel",
                Map.of("orderId", orderId), Map.of("reason", "changed my mind"));

        assertThat(cancelled.status()).as("%s", cancelled.body()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asText()).isEqualTo("cancelled");
        assertThat(fixture.position(OrdersFixture.TEE, OrdersFixture.WAREHOUSE).onHand()).isEqualTo(after + 3);
        assertThat(fixture.outboxEvents("OrderCancelled")).extracting(e -> e.data().path("orderId").asText()).contains(orderId);
        // cancelling again changes nothing
        assertThat(fixture.post(Http.As.customer("changed-mind-1"), "/orders/{orderId}/cancel", Map.of("orderId", orderId), null)
                .body().path("sequence")).isEqualTo(cancelled.body().path("sequence"));
        assertThat(fixture.position(OrdersFixture.TEE, OrdersFixture.WAREHOUSE).onHand()).isEqualTo(after + 3);
    }
}

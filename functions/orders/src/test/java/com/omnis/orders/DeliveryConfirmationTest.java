package com.omnis.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.local.testing.Http;
import com.omnis.orders.testing.OrdersFixture;
import com.omnis.shared.config.Settings;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.privacy.PersonalData;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Did you receive it?" from an email link: one order, one purpose, until the link expires. */
class DeliveryConfirmationTest {

    private final OrdersFixture fixture = new OrdersFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private String shippedOrder(String customer) {
        fixture.stock(OrdersFixture.TEE, OrdersFixture.WAREHOUSE, 10);
        String cartId = fixture.cart(customer, Map.of(OrdersFixture.TEE, 1));
        String orderId = fixture.checkout(Http.As.customer(customer), "key-" + UUID.randomUUID(),
                OrdersFixture.delivery(cartId, "pay-" + UUID.randomUUID())).body().path("orderId").asText();
        Http.As warehouse = Http.As.staff(OrdersFixture.WAREHOUSE);
        for (String type : new String[]{"picked", "packed", "shipped"}) {
            assertThat(fixture.event(warehouse, orderId, "f1", type).status()).isEqualTo(200);
        }
        return orderId;
    }

    private Http.Response answer(String orderId, String token, boolean received) {
        Http.Request request = Http.request("POST", "/orders/{orderId}/delivery-confirmation",
                "/orders/" + orderId + "/delivery-confirmation").path("orderId", orderId)
                .json(Map.of("received", received, "comment", "nothing came"));
        if (token != null) {
            request.query("token", token);
        }
        return fixture.http.send(request);
    }

    @Test
    void theLinkOfAnOrdersEmailAnswersForThatOrderOnlyAndOpensAClaim() {
        String orderId = shippedOrder("linked-1");
        String otherOrder = shippedOrder("linked-2");
        String link = fixture.orders.orders().confirmationLink(orderId);

        Http.Response forOther = answer(otherOrder, link, false);
        Http.Response forged = answer(orderId, link.substring(0, link.length() - 3) + "abc", false);
        Http.Response none = answer(orderId, null, false);
        Http.Response answered = answer(orderId, link, false);

        assertThat(forOther.status()).isEqualTo(401);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(none.status()).isEqualTo(404);
        assertThat(answered.status()).as("%s", answered.body()).isEqualTo(200);
        assertThat(answered.body().path("claims").path(0).path("status").asText()).isEqualTo("open");
        assertThat(answered.body().path("claims").path(0).path("openedBy").asText()).isEqualTo("link");
        assertThat(fixture.outboxEvents("ClaimOpened")).hasSize(1);
        assertThat(fixture.get(Http.As.ops(), otherOrder).body().path("claims")).isEmpty();
    }

    @Test
    void aClaimsCommentTravelsSealedForItsCustomerAndAGuestsIsLeftOutOfTheEvent() {
        // given: a customer's shipped order and a guest's
        String orderId = shippedOrder("sealed-1");
        fixture.stock(OrdersFixture.TEE, OrdersFixture.WAREHOUSE, 10);
        String[] cart = fixture.guestCart(Map.of(OrdersFixture.TEE, 1));
        Map<String, Object> body = new java.util.HashMap<>(OrdersFixture.delivery(cart[0], "pay-" + UUID.randomUUID()));
        body.put("contact", Map.of("email", "guest@example.com"));
        String guestOrder = fixture.http.send(Http.request("POST", "/orders", "/orders").header("X-Channel", "web")
                .header("Idempotency-Key", "key-" + UUID.randomUUID()).header("X-Cart-Token", cart[1]).json(body))
                .body().path("orderId").asText();
        for (String type : new String[]{"picked", "packed", "shipped"}) {
            assertThat(fixture.event(Http.As.staff(OrdersFixture.WAREHOUSE), guestOrder, "f1", type).status()).isEqualTo(200);
        }

        // when: both say it never came
        assertThat(answer(orderId, fixture.orders.orders().confirmationLink(orderId), false).status()).isEqualTo(200);
        assertThat(answer(guestOrder, fixture.orders.orders().confirmationLink(guestOrder), false).status()).isEqualTo(200);

        // then: the customer's comment is sealed and opens with their key; the guest's event has none
        DomainEvent customers = fixture.outboxEvents("ClaimOpened").stream()
                .filter(e -> e.data().path("orderId").asText().equals(orderId)).findFirst().orElseThrow();
        DomainEvent guests = fixture.outboxEvents("ClaimOpened").stream()
                .filter(e -> e.data().path("orderId").asText().equals(guestOrder)).findFirst().orElseThrow();
        String sealed = customers.data().path("comment").asText();
        assertThat(sealed).startsWith(PersonalData.PREFIX).doesNotContain("nothing came");
        assertThat(PersonalData.fromSettings(Settings.of(fixture.env), fixture.dynamo, fixture.clock)
                .open(CustomerId.of("sealed-1"), sealed)).contains("nothing came");
        assertThat(guests.data().has("comment")).isFalse();
        assertThat(guests.data().has("customerId")).isFalse();
        // the order itself keeps the words for the contact centre
        assertThat(fixture.get(Http.As.ops(), guestOrder).body().path("claims").path(0).path("comment").asText())
                .isEqualTo("nothing came");
    }

    @Test
    void anExpiredLinkIsRefused() {
        String orderId = shippedOrder("late-1");
        String link = fixture.orders.orders().confirmationLink(orderId);

        fixture.clock.advance(Duration.ofDays(15));

        assertThat(answer(orderId, link, true).status()).isEqualTo(401);
        assertThat(fixture.get(Http.As.ops(), orderId).body().has("deliveryConfirmation")).isFalse();
    }
}

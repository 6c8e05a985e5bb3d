package com.omnis.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.local.testing.Http;
import com.omnis.orders.testing.OrdersFixture;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may touch an order: another customer learns nothing, staff act only on their own location's work. */
class OrderAccessTest {

    private static OrdersFixture fixture;
    private static String orderId;

    @BeforeAll
    static void placeAnOrder() {
        fixture = new OrdersFixture();
        fixture.stock(OrdersFixture.TEE, OrdersFixture.LYON, 5);
        String cartId = fixture.cart("owner-1", Map.of(OrdersFixture.TEE, 1));
        Http.Response placed = fixture.checkout(Http.As.customer("owner-1"), "key-" + UUID.randomUUID(),
                OrdersFixture.pickup(cartId, OrdersFixture.LYON));
        assertThat(placed.status()).isEqualTo(201);
        orderId = placed.body().path("orderId").asText();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void anotherCustomerCannotReadCancelOrReturnTheOrderAndIsToldItDoesNotExist() {
        Http.As stranger = Http.As.customer("stranger-9");

        assertThat(fixture.get(stranger, orderId).status()).isEqualTo(404);
        assertThat(fixture.post(stranger, "/orders/{orderId}/cancel", Map.of("orderId", orderId), null).status())
                .isEqualTo(404);
        assertThat(fixture.post(stranger, "/orders/{orderId}/returns", Map.of("orderId", orderId),
                Map.of("lines", java.util.List.of(Map.of("sku", "TEE-BLUE-M", "quantity", 1)), "reason", "mine now"))
                .status()).isEqualTo(404);
        assertThat(fixture.event(stranger, orderId, "f1", "picked").status()).isEqualTo(404);
        assertThat(fixture.get(Http.As.ANONYMOUS, orderId).status()).isEqualTo(404);
        // and nothing changed
        assertThat(fixture.get(Http.As.customer("owner-1"), orderId).body().path("status").asText()).isEqualTo("placed");
    }

    @Test
    void staffActOnlyOnTheirOwnLocationsFulfilments() {
        Http.Response otherStore = fixture.event(Http.As.staff(OrdersFixture.NICE), orderId, "f1", "picked");
        Http.Response otherList = fixture.http.send(Http.request("GET", "/locations/{locationId}/fulfilments",
                "/locations/" + OrdersFixture.LYON + "/fulfilments").path("locationId", OrdersFixture.LYON)
                .as(Http.As.staff(OrdersFixture.NICE)));
        Http.Response ownList = fixture.http.send(Http.request("GET", "/locations/{locationId}/fulfilments",
                "/locations/" + OrdersFixture.LYON + "/fulfilments").path("locationId", OrdersFixture.LYON)
                .query("status", "created").as(Http.As.staff(OrdersFixture.LYON)));

        assertThat(otherStore.status()).isEqualTo(403);
        assertThat(otherList.status()).isEqualTo(403);
        assertThat(ownList.status()).isEqualTo(200);
        assertThat(ownList.body().path("items").findValuesAsText("orderId")).contains(orderId);
    }

    @Test
    void eachRouteRefusesWhoeverItIsNotFor() {
        Http.Response customerByNumber = fixture.http.send(Http.request("GET", "/orders", "/orders")
                .query("number", "OM-00000000").as(Http.As.customer("owner-1")));
        Http.Response staffMine = fixture.http.send(Http.request("GET", "/me/orders", "/me/orders")
                .as(Http.As.staff(OrdersFixture.LYON)));
        Http.Response staffCancel = fixture.post(Http.As.staff(OrdersFixture.LYON), "/orders/{orderId}/cancel",
                Map.of("orderId", orderId), null);
        Http.Response anonymousEvent = fixture.event(Http.As.ANONYMOUS, orderId, "f1", "picked");
        Http.Response otherStoreReceives = fixture.http.send(Http.request("POST", "/returns/{returnId}/receive",
                "/returns/ret-00000000-0000-0000-0000-000000000000/receive")
                .path("returnId", "ret-00000000-0000-0000-0000-000000000000").as(Http.As.staff(OrdersFixture.NICE))
                .json(Map.of("locationId", OrdersFixture.LYON, "lines",
                        java.util.List.of(Map.of("sku", "TEE-BLUE-M", "quantity", 1, "disposition", "restock")))));

        assertThat(customerByNumber.status()).isEqualTo(403);
        assertThat(staffMine.status()).isEqualTo(403);
        assertThat(staffCancel.status()).isEqualTo(403);
        assertThat(anonymousEvent.status()).isEqualTo(401);
        assertThat(otherStoreReceives.status()).isEqualTo(403);
        assertThat(fixture.get(Http.As.customer("owner-1"), orderId).body().path("sequence").asLong()).isEqualTo(1);
    }

    @Test
    void aCheckoutWithoutAnIdempotencyKeyIsRefusedAndChangesNothing() {
        String cartId = fixture.cart("owner-2", Map.of(OrdersFixture.TEE, 1));

        Http.Response response = fixture.checkout(Http.As.customer("owner-2"), null, OrdersFixture.pickup(cartId, OrdersFixture.LYON));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("errors").path(0).path("field").asText()).isEqualTo("header Idempotency-Key");
        assertThat(fixture.cartStatus(cartId)).isEqualTo("ACTIVE");
    }

    @Test
    void aShopperCannotClaimTheStoreChannel() {
        String cartId = fixture.cart("owner-3", Map.of(OrdersFixture.TEE, 1));

        Http.Response response = fixture.http.send(Http.request("POST", "/orders", "/orders")
                .as(Http.As.customer("owner-3")).header("X-Channel", "store").header("Idempotency-Key", "key-store-1")
                .json(Map.of("cartId", cartId, "fulfilment", Map.of("method", "in-store"), "payment", Map.of("method", "till"))));

        assertThat(response.status()).isEqualTo(403);
        assertThat(fixture.cartStatus(cartId)).isEqualTo("ACTIVE");
    }
}

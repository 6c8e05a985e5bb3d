package com.omnis.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.local.testing.Http;
import com.omnis.orders.testing.OrdersFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Returns under concurrency, and the pickup schedule's reminder and expiry, on DynamoDB Local. */
class ReturnsAndPickupTest {

    private final OrdersFixture fixture = new OrdersFixture();
    private final Http.As lyon = Http.As.staff(OrdersFixture.LYON);

    @AfterEach
    void close() {
        fixture.close();
    }

    private String readyPickup(String customer, int units) {
        fixture.stock(OrdersFixture.SHOE, OrdersFixture.LYON, 10);
        String cartId = fixture.cart(customer, Map.of(OrdersFixture.SHOE, units));
        Http.Response placed = fixture.checkout(Http.As.customer(customer), "key-" + UUID.randomUUID(),
                OrdersFixture.pickup(cartId, OrdersFixture.LYON));
        assertThat(placed.status()).as("%s", placed.body()).isEqualTo(201);
        String orderId = placed.body().path("orderId").asText();
        assertThat(fixture.event(lyon, orderId, "f1", "picked").status()).isEqualTo(200);
        assertThat(fixture.event(lyon, orderId, "f1", "ready-for-pickup").status()).isEqualTo(200);
        return orderId;
    }

    @Test
    void twoConcurrentReturnsOfTheLastUnitCannotBothPass() throws Exception {
        String orderId = readyPickup("returner-1", 1);
        assertThat(fixture.event(lyon, orderId, "f1", "collected").status()).isEqualTo(200);
        Map<String, Object> body = Map.of("lines", List.of(Map.of("sku", "SHOE-RUN-42", "quantity", 1)), "reason", "too small");

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return fixture.post(Http.As.customer("returner-1"), "/orders/{orderId}/returns", Map.of("orderId", orderId), body);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Http.Response> future : futures) {
                statuses.add(future.get().status());
            }
            assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        }
        var order = fixture.get(Http.As.ops(), orderId).body();
        assertThat(order.path("returns")).hasSize(1);
        assertThat(order.path("lines").path(0).path("returned").asInt()).isEqualTo(1);
    }

    @Test
    void anUncollectedPickupIsRemindedADayBeforeAndThenExpiredAndRestocked() {
        String orderId = readyPickup("forgetful-1", 2);
        assertThat(fixture.position(OrdersFixture.SHOE, OrdersFixture.LYON).onHand()).isEqualTo(8);

        // four days later: nothing yet
        fixture.clock.advance(Duration.ofDays(3).plusHours(23));
        assertThat(fixture.orders.pickups().sweep(100, "test").reminded()).isZero();
        // one day before the deadline: a reminder, once
        fixture.clock.advance(Duration.ofHours(2));
        assertThat(fixture.orders.pickups().sweep(100, "test").reminded()).isEqualTo(1);
        assertThat(fixture.orders.pickups().sweep(100, "test").reminded()).isZero();
        assertThat(fixture.outboxEvents("PickupReminderDue")).hasSize(1);
        // after the fifth day: expired, the units back on Lyon's shelf
        fixture.clock.advance(Duration.ofDays(1));
        assertThat(fixture.orders.pickups().sweep(100, "test").expired()).isEqualTo(1);

        var order = fixture.get(Http.As.ops(), orderId).body();
        assertThat(order.path("fulfilments").path(0).path("state").asText()).isEqualTo("expired");
        assertThat(order.path("status").asText()).isEqualTo("cancelled");
        assertThat(fixture.position(OrdersFixture.SHOE, OrdersFixture.LYON).onHand()).isEqualTo(10);
        assertThat(fixture.outboxEvents("PickupExpired")).hasSize(1);
        assertThat(fixture.orders.pickups().sweep(100, "test").expired()).isZero();
    }
}

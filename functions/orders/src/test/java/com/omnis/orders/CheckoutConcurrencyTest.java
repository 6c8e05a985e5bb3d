package com.omnis.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.local.testing.Http;
import com.omnis.orders.testing.OrdersFixture;
import com.omnis.shared.inventory.StockPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checkout under retries and contention, through the real handler on DynamoDB Local. */
class CheckoutConcurrencyTest {

    private final OrdersFixture fixture = new OrdersFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aCheckoutRetriedWithTheSameKeyPlacesOneOrderAndTakesTheStockOnce() {
        // given
        fixture.stock(OrdersFixture.TEE, OrdersFixture.LYON, 5);
        String cartId = fixture.cart("customer-1", Map.of(OrdersFixture.TEE, 2));
        Map<String, Object> body = OrdersFixture.pickup(cartId, OrdersFixture.LYON);
        String key = "key-" + UUID.randomUUID();

        // when: the client retries three times (lost answers)
        Http.Response first = fixture.checkout(Http.As.customer("customer-1"), key, body);
        Http.Response second = fixture.checkout(Http.As.customer("customer-1"), key, body);
        Http.Response third = fixture.checkout(Http.As.customer("customer-1"), key, body);

        // then
        assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.headers()).containsEntry("Idempotent-Replayed", "true");
        assertThat(third.body().path("orderId")).isEqualTo(first.body().path("orderId"));
        assertThat(third.body().path("number")).isEqualTo(first.body().path("number"));
        assertThat(fixture.orderCount()).isEqualTo(1);
        assertThat(fixture.position(OrdersFixture.TEE, OrdersFixture.LYON).onHand()).isEqualTo(3);
        assertThat(fixture.cartStatus(cartId)).isEqualTo("CHECKED_OUT");
        assertThat(fixture.outboxEvents("OrderPlaced")).hasSize(1);
    }

    @Test
    void concurrentRetriesOfOneCheckoutPlaceOneOrderAndTheOthersAreToldItIsInProgressOrReplayed() throws Exception {
        // given
        fixture.stock(OrdersFixture.TEE, OrdersFixture.LYON, 5);
        String cartId = fixture.cart("customer-2", Map.of(OrdersFixture.TEE, 1));
        Map<String, Object> body = OrdersFixture.pickup(cartId, OrdersFixture.LYON);
        String key = "key-" + UUID.randomUUID();

        // when: 8 copies of the request at once
        List<Http.Response> responses = all(8, i -> fixture.checkout(Http.As.customer("customer-2"), key, body));

        // then
        assertThat(responses).extracting(Http.Response::status).containsOnly(201, 409).contains(201);
        responses.stream().filter(r -> r.status() == 409).forEach(r -> {
            assertThat(r.body().path("type").asText()).endsWith("/idempotency-in-progress");
            assertThat(r.headers()).containsEntry("Retry-After", "1");
        });
        assertThat(responses.stream().filter(r -> r.status() == 201).map(r -> r.body().path("orderId").asText()).distinct())
                .hasSize(1);
        assertThat(fixture.orderCount()).isEqualTo(1);
        assertThat(fixture.position(OrdersFixture.TEE, OrdersFixture.LYON).onHand()).isEqualTo(4);
    }

    @Test
    void aHundredCheckoutsForThirtyUnitsPlaceThirtyOrdersRefuseSeventyClearlyAndConserveStock() throws Exception {
        // given: 30 units at the warehouse, 100 customers with one unit each in their cart
        fixture.stock(OrdersFixture.CAP, OrdersFixture.WAREHOUSE, 30);
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            carts.add(fixture.cart("rush-" + i, Map.of(OrdersFixture.CAP, 1)));
        }

        // when
        List<Http.Response> responses = all(100, i -> fixture.checkout(Http.As.customer("rush-" + i), "rush-key-" + i,
                OrdersFixture.delivery(carts.get(i), "pay-rush-" + i)));

        // then
        long placed = responses.stream().filter(r -> r.status() == 201).count();
        List<Http.Response> refused = responses.stream().filter(r -> r.status() != 201).toList();
        assertThat(placed).isEqualTo(30);
        assertThat(refused).hasSize(70).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.body().path("type").asText()).endsWith("/insufficient-stock");
            assertThat(r.body().path("detail").asText()).contains("CAP-RED");
        });
        StockPosition left = fixture.position(OrdersFixture.CAP, OrdersFixture.WAREHOUSE);
        assertThat(left.onHand()).isZero();
        assertThat(left.ledger().sold()).isEqualTo(30);
        assertThat(left.onHand() + left.ledger().sold()).isEqualTo(30);
        assertThat(fixture.orderCount()).isEqualTo(30);
    }

    interface Call {
        Http.Response run(int i) throws Exception;
    }

    private static List<Http.Response> all(int n, Call call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 32))) {
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit((Callable<Http.Response>) () -> {
                    start.await();
                    return call.run(index);
                }));
            }
            start.countDown();
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }
}

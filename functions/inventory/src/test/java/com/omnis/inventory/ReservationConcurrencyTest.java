package com.omnis.inventory;

import static com.omnis.inventory.testing.InventoryFixture.TEE;
import static com.omnis.inventory.testing.InventoryFixture.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.inventory.testing.Http;
import com.omnis.inventory.testing.InventoryFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real threads against DynamoDB Local through the real handler: the stock never oversells. */
class ReservationConcurrencyTest {

    private final InventoryFixture f = new InventoryFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void twoHundredConcurrentOneUnitHoldsOnFiftyUnitsGiveExactlyFiftyHolds() throws Exception {
        // given
        f.receive(TEE, WAREHOUSE, 50);

        // when
        long start = System.nanoTime();
        List<Http.Response> responses = concurrently(200, i -> () -> f.hold(Http.As.customer("c" + i),
                Map.of("channel", "web", "lines", List.of(Map.of("sku", TEE.value(), "quantity", 1)))));
        double seconds = (System.nanoTime() - start) / 1e9;

        // then
        long held = responses.stream().filter(r -> r.status() == 201).count();
        long refused = responses.stream().filter(r -> r.status() == 409).count();
        System.out.printf("[inventory] 200 concurrent holds on 50 units: %d held, %d refused in %.2f s: %.0f requests/s, %.0f holds/s%n",
                held, refused, seconds, 200 / seconds, held / seconds);
        assertThat(held).isEqualTo(50);
        assertThat(refused).isEqualTo(150);
        assertThat(responses).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> {
                    assertThat(r.contentType()).isEqualTo("application/problem+json");
                    assertThat(r.body().at("/current/shortfalls/0/sku").asText()).isEqualTo(TEE.value());
                    assertThat(r.body().at("/current/shortfalls/0/available").asLong()).isZero();
                });
        var position = f.position(TEE, WAREHOUSE);
        assertThat(position.onHand()).isEqualTo(50);
        assertThat(position.reserved()).isEqualTo(50);
        assertThat(f.allReservations()).hasSize(50);
    }

    static <T> List<T> concurrently(int n, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            AtomicInteger ready = new AtomicInteger();
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> call = task.apply(i);
                futures.add(pool.submit(() -> {
                    ready.incrementAndGet();
                    while (ready.get() < n) {
                        Thread.onSpinWait();
                    }
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

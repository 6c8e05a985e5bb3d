package com.omnis.inventory;

import static com.omnis.inventory.testing.InventoryFixture.TEE;
import static com.omnis.inventory.testing.InventoryFixture.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.local.testing.Http;
import com.omnis.inventory.testing.InventoryFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CountDownLatch;
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

    @Test
    void commitsReleasesAndTheSweepRacingEachOtherLeaveTheCountsExact() throws Exception {
        // given: 40 units, 40 one-unit holds, half of them short
        f.receive(TEE, WAREHOUSE, 40);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Http.Response held = f.hold(Http.As.customer("c" + i), Map.of("channel", "web", "ttlSeconds", i % 2 == 0 ? 60 : 900,
                    "lines", List.of(Map.of("sku", TEE.value(), "quantity", 1))));
            ids.add(held.body().get("id").asText());
        }
        f.clock.advance(java.time.Duration.ofMinutes(2));

        // when: every hold is committed and released at once, while the sweeper runs
        List<Http.Response> responses = concurrently(84, i -> () -> {
            if (i >= 80) {
                f.inventory.reservations().expireDue(100, "sweep-" + i);
                return null;
            }
            String id = ids.get(i / 2);
            Http.As owner = Http.As.customer("c" + (i / 2));
            return i % 2 == 0 ? f.commit(Http.As.ops(), id) : f.release(owner, id);
        });

        // then: each hold ended exactly one way; committed units left, every other unit came back
        Map<String, Long> outcomes = new java.util.TreeMap<>();
        f.allReservations().forEach(r -> outcomes.merge(r.get("status").s(), 1L, Long::sum));
        long committed = outcomes.getOrDefault("COMMITTED", 0L);
        assertThat(outcomes.getOrDefault("HELD", 0L)).isZero();
        assertThat(outcomes.getOrDefault("EXPIRED", 0L)).isEqualTo(20);
        assertThat(committed + outcomes.getOrDefault("RELEASED", 0L)).isEqualTo(20);
        assertThat(responses.subList(0, 80)).allSatisfy(r -> assertThat(r.status()).isIn(200, 409));
        var position = f.position(TEE, WAREHOUSE);
        assertThat(position.onHand()).isEqualTo(40 - committed);
        assertThat(position.reserved()).isZero();
        assertThat(position.ledger().sold()).isEqualTo(committed);
        assertThat(f.outboxEvents(com.omnis.inventory.domain.StockEvents.RESERVATION_EXPIRED)).hasSize(20);
        com.omnis.inventory.testing.StockAudit.assertConserved(f);
    }

    @Test
    void aFlashSaleOnAPositionSpreadOverShardsNeverOversellsAndConservesEveryUnit() throws Exception {
        // given: 100 units spread over 4 shards
        f.receive(TEE, WAREHOUSE, 100);
        assertThat(f.configure(Http.As.ops(), TEE, WAREHOUSE, Map.of("shards", 4)).status()).isEqualTo(200);

        // when: 160 shoppers hold 1 unit at once
        long start = System.nanoTime();
        List<Http.Response> holds = concurrently(160, i -> () -> f.hold(Http.As.customer("c" + i),
                Map.of("channel", "web", "lines", List.of(Map.of("sku", TEE.value(), "quantity", 1)))));
        double seconds = (System.nanoTime() - start) / 1e9;

        // then
        List<String> held = holds.stream().filter(r -> r.status() == 201).map(r -> r.body().get("id").asText()).toList();
        System.out.printf("[inventory] 160 concurrent holds on 100 units over 4 shards: %d held in %.2f s, %.0f holds/s%n",
                held.size(), seconds, held.size() / seconds);
        assertThat(held).hasSize(100);
        assertThat(holds).filteredOn(r -> r.status() != 201).allSatisfy(r -> assertThat(r.status()).isEqualTo(409));
        assertThat(f.allStockRecords()).hasSize(4).allSatisfy(r -> assertThat(r.free()).isZero());
        com.omnis.inventory.testing.StockAudit.assertConserved(f);

        // when: half are committed and half released at once, then the position goes back to one shard
        concurrently(100, i -> () -> {
            String id = held.get(i);
            Http.As owner = Http.As.ops();
            return i % 2 == 0 ? f.commit(owner, id) : f.release(owner, id);
        });
        Http.Response unshard = f.configure(Http.As.ops(), TEE, WAREHOUSE, Map.of("shards", 1));

        // then
        assertThat(unshard.status()).isEqualTo(200);
        var position = f.position(TEE, WAREHOUSE);
        assertThat(position.shards()).hasSize(1);
        assertThat(position.onHand()).isEqualTo(50);
        assertThat(position.reserved()).isZero();
        assertThat(position.ledger().received()).isEqualTo(100);
        assertThat(position.ledger().sold()).isEqualTo(50);
        com.omnis.inventory.testing.StockAudit.assertConserved(f);
    }

    @Test
    void concurrentMovementsHoldsAndClosuresNeverLetHeldUnitsExceedTheShelfAtAnyMoment() throws Exception {
        // given
        f.receive(TEE, WAREHOUSE, 30);
        f.receive(TEE, InventoryFixture.LYON, 10);
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread observer = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                f.allStockRecords().stream().filter(r -> r.reserved() < 0 || r.reserved() > r.onHand())
                        .forEach(r -> violations.add(r.toString()));
            }
        });
        java.util.concurrent.ConcurrentLinkedQueue<String> open = new java.util.concurrent.ConcurrentLinkedQueue<>();
        AtomicInteger received = new AtomicInteger(30 + 10);
        AtomicInteger sold = new AtomicInteger();

        // when: 12 workers do 25 random things each
        concurrently(12, worker -> () -> {
            java.util.Random random = new java.util.Random(worker);
            for (int step = 0; step < 25; step++) {
                String location = random.nextBoolean() ? WAREHOUSE : InventoryFixture.LYON;
                switch (random.nextInt(5)) {
                    case 0 -> {
                        if (f.move(Http.As.ops(), StockMovementsTest.key(),
                                StockMovementsTest.movement("receipt", TEE, location, 2)).status() == 201) {
                            received.addAndGet(2);
                        }
                    }
                    case 1 -> {
                        if (f.move(Http.As.ops(), StockMovementsTest.key(),
                                StockMovementsTest.movement("sale", TEE, location, 1)).status() == 201) {
                            sold.incrementAndGet();
                        }
                    }
                    case 2, 3 -> {
                        Http.Response held = f.hold(Http.As.ops(), Map.of("channel", "web",
                                "lines", List.of(Map.of("sku", TEE.value(), "quantity", 1 + random.nextInt(3)))));
                        if (held.status() == 201) {
                            open.add(held.body().get("id").asText());
                        }
                    }
                    default -> {
                        String id = open.poll();
                        if (id != null) {
                            if (random.nextBoolean()) {
                                f.release(Http.As.ops(), id);
                            } else if (f.commit(Http.As.ops(), id).status() == 200) {
                                sold.addAndGet((int) f.inventory.reservations()
                                        .get(com.omnis.shared.identity.Caller.fromClaims(Http.As.ops().claims()),
                                                com.omnis.shared.domain.ReservationId.of(id))
                                        .lines().stream().mapToLong(l -> l.quantity()).sum());
                            }
                        }
                    }
                }
            }
            return null;
        });
        running.set(false);
        observer.join();

        // then
        assertThat(violations).isEmpty();
        long onHand = f.positions(TEE).values().stream().mapToLong(p -> p.onHand()).sum();
        assertThat(onHand).isEqualTo(received.get() - sold.get());
        com.omnis.inventory.testing.StockAudit.assertConserved(f);
    }

    /** Runs {@code n} tasks on {@code n} threads released at once; their results in task order. */
    static <T> List<T> concurrently(int n, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> call = task.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await();
            go.countDown();
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

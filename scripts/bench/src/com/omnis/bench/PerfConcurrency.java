package com.omnis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.omnis.local.LocalRuntime;
import com.omnis.local.auth.DevTokens;
import com.omnis.local.lambda.LocalFunction;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Part 4 of {@link PerfBench}: holds and checkouts per second with 8, 32 and 128 concurrent callers, on one hot
 * SKU (one stock record at the warehouse, then the same spread over 4 shards) and spread over twenty SKUs, and
 * whether a unit was ever sold twice. Each caller is a thread calling the handler in process; every hold and
 * every order is a new customer's (a shopper keeps at most 5 open holds). Before a run its SKUs are stocked at
 * the warehouse; the run sends more requests than there are units, so a hot SKU ends sold out. Afterwards every
 * stock record of the SKUs is read back: free units (on hand − reserved) below 0 anywhere are {@code oversold};
 * free units must have fallen by exactly the units the 2xx answers took, or the run reports them as
 * {@code lost}. Checkout carts are filled before the run, untimed.
 */
final class PerfConcurrency {

    private static final int[] CALLERS = {8, 32, 128};
    private static final String HOT = "WATCH-GPS";
    private static final String HOT_SHARDED = "HEADLAMP-300";
    private static final int SHARDS = 4;
    private static final List<String> SPREAD = List.of("SHOE-RUN-W39", "SHOE-HIKE-GTX-42", "SHOE-KIDS-32", "SHOE-SPIKE-42",
            "SHOE-SLIDE-43", "JACKET-DOWN-L", "BIKE-ROAD-54", "BIKE-GRAVEL-M", "BIKE-CITY-M", "BIKE-KIDS-20", "TENT-2P",
            "SLEEPING-BAG-5C", "MAT-SELF-INFL", "PACK-30L", "PACK-60L", "POLES-TREK", "STOVE-GAS", "BOTTLE-STEEL-1L",
            "FIRST-AID-KIT", "DUMBBELL-SET-20");
    /** Units received at the warehouse before each run, per hot SKU and per spread SKU. */
    private static final int HOT_UNITS = 80;
    private static final int SPREAD_UNITS = 6;

    private final LocalRuntime runtime;
    private final LocalFunction inventory;

    PerfConcurrency(LocalRuntime runtime) {
        this.runtime = runtime;
        this.inventory = runtime.functions().get("InventoryFunction").orElseThrow();
    }

    private record Pattern(String name, List<String> skus) {
    }

    /** One run's figures. */
    private record Run(int callers, int requests, int succeeded, Map<String, Integer> statuses, double seconds,
                       double p50, double p99, long oversold, long lost) {
        double perSecond() {
            return succeeded / seconds;
        }
    }

    void run(ObjectNode json, PrintStream console) {
        settings(HOT, 1);
        settings(HOT_SHARDED, SHARDS);
        List<Pattern> patterns = List.of(new Pattern("1 hot SKU, 1 stock record", List.of(HOT)),
                new Pattern("1 hot SKU, " + SHARDS + " shards", List.of(HOT_SHARDED)),
                new Pattern(SPREAD.size() + " SKUs spread", SPREAD));
        console.printf("%nConcurrency, in process: each caller a thread calling the handler; more requests than units, every hold or order a new customer's%n");
        console.printf("  %-11s %-28s %7s %8s %6s %8s %8s %8s  %-22s %8s %5s%n", "operation", "SKUs", "callers", "requests",
                "2xx", "per s", "p50 ms", "p99 ms", "other answers", "oversold", "lost");
        for (String operation : List.of("holds", "checkouts")) {
            ObjectNode byOperation = json.putObject(operation);
            for (Pattern pattern : patterns) {
                if (operation.equals("checkouts") && pattern.skus().contains(HOT_SHARDED)) {
                    continue;   // shards are the flash sale's answer for holds; a checkout takes the same stock records
                }
                ObjectNode byPattern = byOperation.putObject(pattern.name());
                for (int callers : CALLERS) {
                    Run run = operation.equals("holds") ? holds(pattern.skus(), callers) : checkouts(pattern.skus(), callers);
                    console.printf("  %-11s %-28s %7d %8d %6d %8.1f %8.1f %8.1f  %-34s %8d %5d%n", operation, pattern.name(), callers,
                            run.requests(), run.succeeded(), run.perSecond(), run.p50(), run.p99(), run.statuses(), run.oversold(),
                            run.lost());
                    byPattern.putObject(Integer.toString(callers)).put("requests", run.requests()).put("succeeded", run.succeeded())
                            .put("per_second", run.perSecond()).put("p50_ms", run.p50()).put("p99_ms", run.p99())
                            .put("oversold_units", run.oversold()).put("lost_units", run.lost())
                            .put("other_answers", run.statuses().toString());
                }
            }
        }
    }

    private Run holds(List<String> skus, int callers) {
        PerfCheckout stocker = new PerfCheckout(runtime, skus);
        stocker.receive(skus.size() == 1 ? HOT_UNITS : SPREAD_UNITS);
        Map<String, long[]> before = stock(skus);
        int requests = (int) before.values().stream().mapToLong(f -> f[0]).sum() + callers;
        return timed(skus, callers, requests, before, i -> {
            String sku = skus.get(i % skus.size());
            JsonNode answer = PerfBench.MAPPER.valueToTree(inventory.invoke(PerfBench.uncheckedEvent("inventory-create-reservation.json", e -> {
                e.setHeaders(PerfBench.withHeader(e.getHeaders(), "idempotency-key", "perf-rush-" + UUID.randomUUID()));
                PerfBench.signedIn(e, DevTokens.customer("perf-rush-" + UUID.randomUUID()));
                e.setBody("{\"channel\": \"web\", \"lines\": [{\"sku\": \"" + sku + "\", \"quantity\": 1}], \"ttlSeconds\": 900}");
            })));
            return answer;
        });
    }

    private Run checkouts(List<String> skus, int callers) {
        PerfCheckout checkout = new PerfCheckout(runtime, skus);
        checkout.receive(skus.size() == 1 ? HOT_UNITS : SPREAD_UNITS);
        Map<String, long[]> before = stock(skus);
        int requests = (int) before.values().stream().mapToLong(f -> f[0]).sum() + callers;
        List<PerfCheckout.Filled> carts = checkout.fillAll(requests, i -> List.of(skus.get(i % skus.size())));
        return timed(skus, callers, requests, before,
                i -> checkout.order(carts.get(i), "perf-rush-" + UUID.randomUUID()));
    }

    /** Sends {@code requests} calls from {@code callers} threads; a 2xx took one unit. */
    private Run timed(List<String> skus, int callers, int requests, Map<String, long[]> before, IntFunction<JsonNode> call) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger succeeded = new AtomicInteger();
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        double[] latencies = new double[requests];
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        AtomicLong began = new AtomicLong();
        for (int c = 0; c < callers; c++) {
            pool.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    String refused;
                    try {
                        refused = refusal(call.apply(i));
                    } catch (RuntimeException e) {
                        refused = e.getClass().getSimpleName();
                    }
                    latencies[i] = (System.nanoTime() - t0) / 1e6;
                    if (refused == null) {
                        succeeded.incrementAndGet();
                    } else {
                        statuses.merge(refused, 1, Integer::sum);
                    }
                }
            });
        }
        began.set(System.nanoTime());
        start.countDown();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("a concurrency run did not end in 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - began.get()) / 1e9;
        Map<String, long[]> after = stock(skus);
        long oversold = after.values().stream().mapToLong(f -> f[1]).sum();
        long taken = before.values().stream().mapToLong(f -> f[0]).sum() - after.values().stream().mapToLong(f -> f[0]).sum();
        Arrays.sort(latencies);
        return new Run(callers, requests, succeeded.get(), new TreeMap<>(statuses), seconds, latencies[requests / 2],
                latencies[Math.min(requests - 1, (int) Math.ceil(requests * 0.99) - 1)], oversold,
                Math.abs(taken - succeeded.get()));
    }

    /** Null for a 2xx; otherwise the status and the last segment of the problem's type ("409 insufficient-stock"). */
    private static String refusal(JsonNode answer) {
        int status = answer.path("statusCode").asInt();
        if (status >= 200 && status < 300) {
            return null;
        }
        String type = PerfBench.readTree(answer.path("body").asText()).path("type").asText("");
        return status + " " + type.substring(type.lastIndexOf('/') + 1);
    }

    /** Per SKU: [free units over all its stock records counted ≥ 0, units below 0 over records that went negative]. */
    private Map<String, long[]> stock(List<String> skus) {
        Map<String, long[]> figures = new TreeMap<>();
        for (String sku : skus) {
            JsonNode answer = PerfBench.MAPPER.valueToTree(inventory.invoke(PerfBench.uncheckedEvent("inventory-get-sku-stock-ops.json",
                    e -> {
                        e.setPathParameters(Map.of("sku", sku));
                        PerfBench.signedIn(e, PerfCheckout.OPS_TOKEN);
                    })));
            if (answer.path("statusCode").asInt() != 200) {
                throw new IllegalStateException("stock of " + sku + ": " + answer.path("body").asText());
            }
            long[] figure = new long[2];
            for (JsonNode position : PerfBench.readTree(answer.path("body").asText()).findParents("onHand")) {
                long free = position.path("onHand").asLong() - position.path("reserved").asLong();
                figure[0] += Math.max(0, free);
                figure[1] += Math.max(0, -free);
            }
            figures.put(sku, figure);
        }
        return figures;
    }

    /** Ops set the position at the warehouse to {@code shards} stock records, no safety stock, low-stock threshold 0. */
    private void settings(String sku, int shards) {
        JsonNode answer = PerfBench.MAPPER.valueToTree(inventory.invoke(PerfBench.uncheckedEvent("inventory-put-position-settings-ops.json",
                e -> {
                    e.setPathParameters(Map.of("locationId", PerfCheckout.WAREHOUSE, "sku", sku));
                    PerfBench.signedIn(e, PerfCheckout.OPS_TOKEN);
                    e.setBody("{\"shards\": " + shards + ", \"lowStockThreshold\": 0}");
                })));
        if (answer.path("statusCode").asInt() >= 300) {
            throw new IllegalStateException("settings of " + sku + ": " + answer.path("body").asText());
        }
    }
}

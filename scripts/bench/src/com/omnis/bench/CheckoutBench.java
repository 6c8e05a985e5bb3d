package com.omnis.bench;

import com.omnis.local.auth.DevTokens;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checkout latency in the local runtime (not a test): 200 checkouts, one after another, each of its
 * own customer's 5-line cart, delivered from the warehouse; p50/p95/max of {@code POST /orders} only
 * (the carts are filled before the clock starts). Run it with {@code scripts/bench/checkout [count]}.
 */
public final class CheckoutBench {

    private static final List<String> SKUS = List.of("SHOE-RUN-42", "SOCKS-RUN-3P", "CAP-RUN", "TEE-RUN-M", "GLOVES-TOUCH-M");
    private static final int WARM_UP = 20;

    private CheckoutBench() {
    }

    public static void main(String[] args) {
        BenchRuntime.main(args, 200, "checkout-runtime.log", CheckoutBench::measure);
    }

    private static void measure(int count, PrintStream console, Api api, String ops) throws Exception {
        for (String sku : SKUS) {
            // enough units at the warehouse for every checkout of the run
            api.send("POST", "/stock/movements", "{\"type\": \"receipt\", \"sku\": \"" + sku
                    + "\", \"locationId\": \"warehouse-orleans\", \"quantity\": " + (count + WARM_UP + 10) + "}",
                    Map.of("Authorization", "Bearer " + ops, "Idempotency-Key", "bench-receipt-" + UUID.randomUUID(),
                            "X-Channel", "web")).expect(201, "receipt of " + sku);
        }
        for (int i = 0; i < WARM_UP; i++) {
            checkout(api, "bench-warm-" + i);
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            nanos[i] = checkout(api, "bench-" + i);
        }
        Arrays.sort(nanos);
        console.printf("checkout of a 5-line cart, %d sequential POST /orders (after %d warm-up), local runtime:%n", count, WARM_UP);
        console.printf("  p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", ms(nanos, 0.50), ms(nanos, 0.95), nanos[count - 1] / 1e6);
    }

    /** Fills a fresh customer's cart, then times its checkout alone. */
    private static long checkout(Api api, String customer) throws Exception {
        Map<String, String> as = Api.bearer(DevTokens.customer(customer));
        Api.Reply opened = api.send("POST", "/carts", null, as);
        if (opened.status() >= 300) {
            throw new IllegalStateException("open cart: " + opened.status() + " " + opened.body());
        }
        String cartId = opened.json().path("id").asText();
        for (String sku : SKUS) {
            Api.Reply added = api.send("POST", "/carts/" + cartId + "/items", "{\"sku\": \"" + sku + "\", \"quantity\": 1}", as);
            if (added.status() >= 300) {
                throw new IllegalStateException("add " + sku + ": " + added.status() + " " + added.body());
            }
        }
        Map<String, String> headers = new java.util.HashMap<>(as);
        headers.put("Idempotency-Key", "bench-" + UUID.randomUUID());
        String body = "{\"cartId\": \"" + cartId + "\", \"fulfilment\": {\"method\": \"delivery\", \"address\": {\"line1\": "
                + "\"1 rue de Rivoli\", \"postalCode\": \"75001\", \"city\": \"Paris\", \"country\": \"FR\"}},"
                + " \"payment\": {\"method\": \"card\", \"reference\": \"bench-" + UUID.randomUUID() + "\"}}";
        long start = System.nanoTime();
        api.send("POST", "/orders", body, headers).expect(201, "checkout");
        return System.nanoTime() - start;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}

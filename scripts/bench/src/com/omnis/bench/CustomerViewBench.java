package com.omnis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.auth.DevTokens;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The agent's 360 view of a customer with a long history (not a test): customer-3 of the demo data gets
 * {@value #ORDERS} pickup orders, each picked, made ready and collected at the store, and interactions
 * until their timeline holds {@value #TIMELINE} facts; then {@code GET /customers/{id}} is timed over
 * loopback HTTP in the local runtime, one call after another (the first apart: the route's first call).
 * Run it with {@code scripts/bench/customer-view [calls, default 200]}.
 */
public final class CustomerViewBench {

    static final int ORDERS = 50;
    static final int TIMELINE = 500;
    private static final String CUSTOMER = "customer-3";
    private static final String SKU = "SOCKS-RUN-3P";
    private static final String STORE = "store-paris-opera";
    private static final int WARM_UP = 20;

    private CustomerViewBench() {
    }

    public static void main(String[] args) {
        BenchRuntime.main(args, 200, "customer-view-runtime.log", CustomerViewBench::measure);
    }

    private static void measure(int count, PrintStream console, Api api, String ops) throws Exception {
        Map<String, String> customer = Api.bearer(DevTokens.customer(CUSTOMER));
        Map<String, String> staff = Api.bearer(DevTokens.forSubject("bench-staff").groups("store-staff").store(STORE).sign());
        Map<String, String> agent = Api.bearer(DevTokens.forSubject("bench-agent").groups("agent").sign());
        api.send("POST", "/stock/movements", "{\"type\": \"receipt\", \"sku\": \"" + SKU + "\", \"locationId\": \""
                + STORE + "\", \"quantity\": " + (ORDERS + 10) + "}", with(Api.bearer(ops), "Idempotency-Key",
                "bench-receipt-" + UUID.randomUUID())).expect(201, "receipt of " + SKU);
        for (int i = 0; i < ORDERS; i++) {
            collectedOrder(api, customer, staff);
        }
        int facts = awaitQuiet(api, agent);
        int interactions = 0;
        while (facts < TIMELINE) {
            for (int i = facts; i < TIMELINE; i++) {
                api.send("POST", "/customers/" + CUSTOMER + "/interactions", "{\"channel\": \"phone\", \"reason\": \"Bench call "
                        + i + "\", \"summary\": \"asked about an order\", \"outcome\": \"resolved\"}", with(agent, "X-Channel",
                        "call-center")).expect(201, "interaction");
                interactions++;
            }
            facts = awaitQuiet(api, agent);
        }

        long first = time(api, agent);
        for (int i = 0; i < WARM_UP; i++) {
            time(api, agent);
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            nanos[i] = time(api, agent);
        }
        Arrays.sort(nanos);
        int bytes = api.send("GET", "/customers/" + CUSTOMER, null, agent).expect(200, "360 view").body().length();
        console.printf("GET /customers/%s (360 view) with %d orders and %d timeline facts (%d interactions), local runtime,"
                + " %d calls one after another after %d warm-up:%n", CUSTOMER, ORDERS, facts, interactions, count, WARM_UP);
        console.printf("  first call %.1f ms; p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; answer %d bytes%n",
                first / 1e6, pct(nanos, 50), pct(nanos, 90), pct(nanos, 99), nanos[count - 1] / 1e6, bytes);
    }

    private static void collectedOrder(Api api, Map<String, String> customer, Map<String, String> staff) throws Exception {
        String cartId = api.send("POST", "/carts", null, with(customer, "X-Channel", "mobile")).expect(201, "cart").json()
                .path("id").asText();
        api.send("POST", "/carts/" + cartId + "/items", "{\"sku\": \"" + SKU + "\", \"quantity\": 1}", customer)
                .expect(200, "add to cart");
        JsonNode order = api.send("POST", "/orders", "{\"cartId\": \"" + cartId + "\", \"fulfilment\": {\"method\": \"pickup\","
                + " \"locationId\": \"" + STORE + "\"}, \"payment\": {\"method\": \"card\", \"reference\": \"bench-"
                + UUID.randomUUID() + "\"}}", with(with(customer, "Idempotency-Key", "bench-" + UUID.randomUUID()),
                "X-Channel", "web")).expect(201, "checkout").json();
        String events = "/orders/" + order.path("orderId").asText() + "/fulfilments/"
                + order.path("fulfilments").path(0).path("fulfilmentId").asText() + "/events";
        for (String state : new String[]{"picked", "ready-for-pickup", "collected"}) {
            api.send("POST", events, "{\"type\": \"" + state + "\"}", with(staff, "X-Channel", "store")).expect(200, state);
        }
    }

    /** The timeline's size once it stopped growing (the projection caught up with the bus). */
    private static int awaitQuiet(Api api, Map<String, String> agent) throws Exception {
        int last = -1;
        for (int stable = 0; stable < 3; ) {
            TimeUnit.MILLISECONDS.sleep(500);
            int now = timelineSize(api, agent);
            stable = now == last ? stable + 1 : 0;
            last = now;
        }
        return last;
    }

    private static int timelineSize(Api api, Map<String, String> agent) throws Exception {
        int size = 0;
        String cursor = null;
        do {
            JsonNode page = api.send("GET", "/customers/" + CUSTOMER + "/timeline" + (cursor == null ? "" : "?cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)),
                    null, agent).expect(200, "timeline").json();
            size += page.path("items").size();
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return size;
    }

    private static long time(Api api, Map<String, String> agent) throws Exception {
        long start = System.nanoTime();
        api.send("GET", "/customers/" + CUSTOMER, null, agent).expect(200, "360 view");
        return System.nanoTime() - start;
    }

    private static double pct(long[] sorted, int percentile) {
        return sorted[(int) Math.ceil(percentile / 100.0 * sorted.length) - 1] / 1e6;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new HashMap<>(headers);
        all.put(name, value);
        return all;
    }
}

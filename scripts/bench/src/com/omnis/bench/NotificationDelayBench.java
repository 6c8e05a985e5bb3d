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
 * Delay from a state change to the message in the local outbox (not a test): orders placed one after
 * another by customer-1 of the demo data (French), each timed from the moment {@code POST /orders}
 * answered 201 to the moment its confirmation email is in {@code GET /_local/outbox}, polled every
 * {@value #POLL_MILLIS} ms. The path measured is the whole asynchronous one: the orders' outbox item,
 * the relay reading the table's stream, the local bus, the notifications function and the SES v2 call.
 * Run it with {@code scripts/bench/notifications [count]}.
 */
public final class NotificationDelayBench {

    private static final String SKU = "SOCKS-RUN-3P";
    private static final String CUSTOMER = "customer-1";
    private static final int WARM_UP = 5;
    private static final long POLL_MILLIS = 3;
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private NotificationDelayBench() {
    }

    public static void main(String[] args) {
        BenchRuntime.main(args, 50, "notifications-runtime.log", NotificationDelayBench::measure);
    }

    private static void measure(int count, PrintStream console, Api api, String ops) throws Exception {
        // enough units at the warehouse for every order of the run
        api.send("POST", "/stock/movements", "{\"type\": \"receipt\", \"sku\": \"" + SKU
                + "\", \"locationId\": \"warehouse-orleans\", \"quantity\": " + (count + WARM_UP + 10) + "}",
                Map.of("Authorization", "Bearer " + ops, "Idempotency-Key", "bench-receipt-" + UUID.randomUUID(),
                        "X-Channel", "web")).expect(201, "receipt of " + SKU);
        Map<String, String> as = Api.bearer(DevTokens.customer(CUSTOMER));
        for (int i = 0; i < WARM_UP; i++) {
            delay(api, as);
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            nanos[i] = delay(api, as);
        }
        Arrays.sort(nanos);
        console.printf("POST /orders answered 201 -> confirmation email in GET /_local/outbox (polled every %d ms),"
                + " %d orders one after another (after %d warm-up), local runtime:%n", POLL_MILLIS, count, WARM_UP);
        console.printf("  p50 %.0f ms, max %.0f ms%n", nanos[(count - 1) / 2] / 1e6, nanos[count - 1] / 1e6);
    }

    /** Places one order of a freshly filled cart, then times until its confirmation is in the outbox. */
    private static long delay(Api api, Map<String, String> as) throws Exception {
        Api.Reply opened = api.send("POST", "/carts", null, as);
        if (opened.status() >= 300) {
            throw new IllegalStateException("open cart: " + opened.status() + " " + opened.body());
        }
        String cartId = opened.json().path("id").asText();
        api.send("POST", "/carts/" + cartId + "/items", "{\"sku\": \"" + SKU + "\", \"quantity\": 1}", as);
        Map<String, String> headers = new HashMap<>(as);
        headers.put("Idempotency-Key", "bench-" + UUID.randomUUID());
        String body = "{\"cartId\": \"" + cartId + "\", \"fulfilment\": {\"method\": \"delivery\", \"address\": {\"line1\": "
                + "\"1 rue de Rivoli\", \"postalCode\": \"75001\", \"city\": \"Paris\", \"country\": \"FR\"}},"
                + " \"payment\": {\"method\": \"card\", \"reference\": \"bench-" + UUID.randomUUID() + "\"}}";
        JsonNode order = api.send("POST", "/orders", body, headers).expect(201, "checkout").json();
        long answered = System.nanoTime();
        String subject = "Votre commande " + order.path("number").asText() + " est confirmée";
        Map<String, String> json = Map.of("Accept", "application/json");
        while (System.nanoTime() - answered < TIMEOUT_NANOS) {
            // a substring test first: parsing the whole outbox on every poll would slow the very thing measured
            Api.Reply outbox = api.send("GET", "/_local/outbox", null, json);
            if (outbox.body().contains(subject)) {
                long arrived = System.nanoTime();
                for (JsonNode message : outbox.json().path("messages")) {
                    if (message.path("subject").asText().equals(subject)
                            && message.path("to").asText().equals("camille.martin@example.fr")) {
                        return arrived - answered;
                    }
                }
                throw new IllegalStateException("\"" + subject + "\" is in the outbox but not as an email to customer-1");
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("no \"" + subject + "\" in the outbox within 30 s");
    }
}

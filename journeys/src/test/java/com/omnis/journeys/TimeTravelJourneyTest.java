package com.omnis.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.identity.Caller;
import com.omnis.local.auth.DevTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Point 10 of issue 7, over HTTP: nobody waits for a hold to run out. A shopper holds two pairs for
 * a quarter of an hour; {@code POST /_local/clock} moves the runtime's one clock three days on; the
 * sweeper's schedule, due every minute, fires once (not once per missed minute) before the answer;
 * the units are back and the hold reads as expired, because the inventory function reads that clock.
 */
class TimeTravelJourneyTest {

    private static final String SKU = "SHOE-RUN-42";
    private static final String LYON = "store-lyon-bellecour";
    @RegisterExtension
    static final LocalApi RUNTIME = new LocalApi();

    @Test
    void movingTheClockPastAHoldsExpiryFiresTheSweeperOnceAndTheUnitsComeBack() throws Exception {
        // given: a hold of 2 pairs for pickup in Lyon, for 15 minutes
        String shopper = DevTokens.customer("customer-time-travel");
        long till = available();
        JsonNode hold = send("POST", "/reservations", """
                {"channel": "web", "ttlSeconds": 900, "reference": "time-travel-cart",
                 "lines": [{"sku": "%s", "quantity": 2, "locationId": "%s"}]}""".formatted(SKU, LYON), shopper, 201);
        assertThat(available()).isEqualTo(till - 2);
        Instant before = Instant.parse(send("GET", "/_local/clock", null, null, 200).path("now").asText());

        // when: three days pass
        JsonNode moved = send("POST", "/_local/clock", "{\"advance\": \"P3D\"}", null, 200);

        // then: the clock tells the new time, and the sweeper fired once on the way
        Instant now = Instant.parse(moved.path("now").asText());
        assertThat(now).isAfterOrEqualTo(before.plus(Duration.ofDays(3)));
        assertThat(Instant.parse(send("GET", "/_local/clock", null, null, 200).path("now").asText()))
                .isAfterOrEqualTo(now);
        assertThat(firedFor(moved, "InventorySweeperFunction")).hasSize(1)
                .allSatisfy(delivery -> assertThat(delivery.path("error").isMissingNode()
                        || delivery.path("error").isNull()).isTrue());

        // and: the units are back, the hold is expired and can no longer be committed
        assertThat(available()).isEqualTo(till);
        assertThat(send("GET", "/reservations/" + hold.path("id").asText(), null, shopper, 200).path("status").asText())
                .isEqualTo("expired");
        send("POST", "/reservations/" + hold.path("id").asText() + "/commit", null, DevTokens.forSubject("ops-time-travel").groups(Caller.OPS).sign(), 409);
    }

    @Test
    void theClockNeverGoesBackwards() throws Exception {
        // given
        Instant now = Instant.parse(send("GET", "/_local/clock", null, null, 200).path("now").asText());

        // when
        HttpResponse<String> back = raw("POST", "/_local/clock", "{\"to\": \"" + now.minus(Duration.ofHours(1)) + "\"}");
        HttpResponse<String> negative = raw("POST", "/_local/clock", "{\"advance\": \"-PT1H\"}");
        HttpResponse<String> notADuration = raw("POST", "/_local/clock", "{\"advance\": \"three days\"}");

        // then
        for (HttpResponse<String> refused : List.of(back, negative, notADuration)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(Instant.parse(send("GET", "/_local/clock", null, null, 200).path("now").asText()))
                .isAfterOrEqualTo(now);
    }

    @Test
    void theClockMovesToAnInstant() throws Exception {
        Instant now = Instant.parse(send("GET", "/_local/clock", null, null, 200).path("now").asText());
        Instant target = now.plus(Duration.ofDays(1));

        JsonNode moved = send("POST", "/_local/clock", "{\"to\": \"" + target + "\"}", null, 200);

        assertThat(Instant.parse(moved.path("now").asText())).isBetween(target, target.plusSeconds(5));
    }

    private static List<JsonNode> firedFor(JsonNode moved, String functionId) {
        List<JsonNode> fired = new ArrayList<>();
        moved.path("fired").forEach(delivery -> {
            if (delivery.path("functionId").asText().equals(functionId)) {
                fired.add(delivery);
            }
        });
        return fired;
    }

    private static long available() throws Exception {
        return send("GET", "/availability?skus=" + SKU + "&channel=store&locationId=" + LYON, null, null, 200)
                .path("items").path(0).path("available").asLong();
    }

    private static HttpResponse<String> raw(String method, String path, String body) throws Exception {
        return RUNTIME.raw(method, path, body, null, null, Map.of());
    }

    private static JsonNode send(String method, String path, String body, String token, int expected) throws Exception {
        Map<String, String> headers = method.equals("POST") && path.equals("/reservations")
                ? Map.of("Idempotency-Key", "hold-" + java.util.UUID.randomUUID()) : Map.of();
        return RUNTIME.send(method, path, body, token, null, headers, expected);
    }
}

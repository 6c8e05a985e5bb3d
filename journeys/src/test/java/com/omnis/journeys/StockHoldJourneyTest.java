package com.omnis.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.auth.DevTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 3's journey, over HTTP through the local runtime with its demo stock: a shopper checks
 * availability on the web, holds two pairs for click &amp; collect in Lyon, the till in Lyon sees
 * its figure drop (on {@code GET /availability} and on the product page of the store channel); the hold
 * runs out, the sweeper's schedule fires, and the units come back. The outbox relay has put the events
 * on the bus along the way.
 */
class StockHoldJourneyTest {

    private static final String SKU = "SHOE-RUN-42";
    private static final String LYON = "store-lyon-bellecour";
    @RegisterExtension
    static final LocalApi RUNTIME = new LocalApi();

    @Test
    void aHoldOnTheWebLowersTheTillFigureUntilItExpiresAndTheSweeperGivesTheUnitsBack() throws Exception {
        // given: the demo stock of the running shoe
        long web = available("web", null);
        long till = available("store", LYON);
        long everyTill = onTheProductPage("store");
        assertThat(web).isPositive();
        assertThat(till).isGreaterThanOrEqualTo(2);
        assertThat(onTheProductPage("web")).as("the product page and GET /availability share one rule").isEqualTo(web);

        // when: a shopper holds 2 pairs on the web, for pickup in Lyon, for 2 seconds
        JsonNode hold = send("POST", "/reservations", """
                {"channel": "web", "ttlSeconds": 2, "reference": "journey-cart-1",
                 "lines": [{"sku": "%s", "quantity": 2, "locationId": "%s"}]}""".formatted(SKU, LYON),
                DevTokens.customer("customer-journey-stock"), 201);

        // then: the till in Lyon and the web both see 2 fewer
        assertThat(hold.path("status").asText()).isEqualTo("held");
        assertThat(available("store", LYON)).isEqualTo(till - 2);
        assertThat(available("web", null)).isEqualTo(web - 2);
        assertThat(onTheProductPage("store")).isEqualTo(everyTill - 2);

        // when: the hold runs out and the sweeper's schedule fires
        Instant expiresAt = Instant.parse(hold.path("expiresAt").asText());
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 200);
        send("POST", "/_local/schedules/" + URLEncoder.encode(sweeperSchedule(), StandardCharsets.UTF_8), null, null, 200);

        // then: the units are back, and the hold can no longer be committed (not even by ops, who alone commit by hand)
        assertThat(available("store", LYON)).isEqualTo(till);
        assertThat(available("web", null)).isEqualTo(web);
        assertThat(onTheProductPage("store")).isEqualTo(everyTill);
        JsonNode lateCommit = send("POST", "/reservations/" + hold.path("id").asText() + "/commit", null,
                DevTokens.forSubject("ops-1").groups("ops").sign(), 409);
        assertThat(lateCommit.path("type").asText()).endsWith("/reservation-closed");

        // and: the relay put the hold's and the expiry's events on the bus
        List<String> types = awaitBusEvents(hold.path("id").asText(), 3);
        assertThat(types).contains("StockChanged", "ReservationExpired");
    }

    private static long available(String channel, String locationId) throws Exception {
        String path = "/availability?skus=" + SKU + "&channel=" + channel + (locationId == null ? "" : "&locationId=" + locationId);
        return send("GET", path, null, null, 200).path("items").path(0).path("available").asLong();
    }

    /** The availability {@code GET /products/{sku}} shows the channel of {@code X-Channel}. */
    private static long onTheProductPage(String channel) throws Exception {
        JsonNode product = send("GET", "/products/" + SKU, null, null, 200, channel);
        assertThat(product.path("availability").path("channel").asText()).isEqualTo(channel);
        return product.path("availability").path("available").asLong();
    }

    private static String sweeperSchedule() throws Exception {
        for (JsonNode schedule : send("GET", "/_local", null, null, 200).path("schedules")) {
            if (schedule.path("function").asText().equals("InventorySweeperFunction")) {
                return schedule.path("id").asText();
            }
        }
        throw new AssertionError("the template has no schedule for InventorySweeperFunction");
    }

    /** The types of the bus events about this reservation, once at least {@code count} arrived (streams are polled). */
    private static List<String> awaitBusEvents(String reservationId, int count) throws Exception {
        List<String> types = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            types.clear();
            for (JsonNode event : send("GET", "/_local/events", null, null, 200).path("events")) {
                String detail = event.path("detail").toString();
                if (detail.contains(reservationId)) {
                    types.add(event.path("detail-type").asText());
                }
            }
            if (types.size() >= count) {
                return types;
            }
            Thread.sleep(250);
        }
        return types;
    }

    private static JsonNode send(String method, String path, String body, String token, int expected) throws Exception {
        return send(method, path, body, token, expected, null);
    }

    private static JsonNode send(String method, String path, String body, String token, int expected, String channel)
            throws Exception {
        // a hold requires one; the other routes posted to here ignore it
        Map<String, String> headers = "POST".equals(method)
                ? Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString()) : Map.of();
        return RUNTIME.send(method, path, body, token, channel, headers, expected);
    }
}

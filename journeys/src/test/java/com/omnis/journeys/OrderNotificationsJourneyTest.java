package com.omnis.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.LocalRuntime;
import com.omnis.local.RuntimeOptions;
import com.omnis.local.auth.DevTokens;
import com.omnis.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 end to end, with no event published by hand: a real checkout through {@code POST /orders} and
 * the store's fulfilment events go through the orders' outbox, the relay, the local bus and the
 * notifications function, and the messages land in the local outbox in the customer's language.
 */
class OrderNotificationsJourneyTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ZoneId PARIS_TIME = ZoneId.of("Europe/Paris");
    private static final String PARIS_OPERA = "store-paris-opera";
    private static final String SHOE = "SHOE-RUN-42";
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(15);
    private static LocalRuntime runtime;

    record Answer(int status, JsonNode body) {
    }

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(RuntimeOptions.defaults().withPort(0).quiet(),
                new PrintStream(new ByteArrayOutputStream(), true));
        // quiet hours (21:00-08:00 in the customer's zone) would defer the text message: run at a Paris
        // late morning whatever the hour, the clock only moves forward
        Instant now = Instant.parse(call("GET", "/_local/clock", null, null, null).body().path("now").asText());
        ZonedDateTime paris = now.atZone(PARIS_TIME);
        LocalTime time = paris.toLocalTime();
        if (time.isBefore(LocalTime.of(9, 0)) || time.isAfter(LocalTime.of(19, 0))) {
            ZonedDateTime morning = paris.toLocalDate().plusDays(time.isBefore(LocalTime.of(9, 0)) ? 0 : 1)
                    .atTime(10, 0).atZone(PARIS_TIME);
            assertThat(call("POST", "/_local/clock", "{\"to\": \"" + morning.toInstant() + "\"}", null, null).status())
                    .isLessThan(300);
        }
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aPickupOrderIsConfirmedOnceInFrenchAndItsReadinessIsTextedAndEmailedWithTheStoresAddress() throws Exception {
        // given: Camille (customer-1 of the demo data: French, Paris time) has a shoe in her cart, for pickup at Paris Opéra
        String camille = DevTokens.customer("customer-1");
        String cartId = call("POST", "/carts", null, camille, null).body().path("id").asText();
        assertThat(call("POST", "/carts/" + cartId + "/items", "{\"sku\": \"" + SHOE + "\", \"quantity\": 1}", camille, null)
                .status()).isIn(200, 201);
        String checkout = """
                {"cartId": "%s", "fulfilment": {"method": "pickup", "locationId": "%s"},
                 "payment": {"method": "card", "reference": "pay-%s"}}""".formatted(cartId, PARIS_OPERA, UUID.randomUUID());
        String key = "checkout-" + UUID.randomUUID();

        // when: she places the order, and her client retries the same request
        Answer placed = call("POST", "/orders", checkout, camille, key);
        Answer retried = call("POST", "/orders", checkout, camille, key);

        // then: one order, confirmed by one French email to her seeded address
        assertThat(placed.status()).as("checkout: %s", placed.body()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body().path("orderId").asText()).isEqualTo(placed.body().path("orderId").asText());
        String orderId = placed.body().path("orderId").asText();
        String number = placed.body().path("number").asText();
        JsonNode fulfilment = placed.body().path("fulfilments").path(0);
        assertThat(fulfilment.path("kind").asText()).isEqualTo("pickup");
        assertThat(fulfilment.path("locationId").asText()).isEqualTo(PARIS_OPERA);
        JsonNode confirmation = awaitMessage("order confirmation of " + number,
                message -> isEmail(message, "Votre commande " + number + " est confirmée"));
        assertThat(confirmation.path("to").asText()).isEqualTo("camille.martin@example.fr");
        assertThat(confirmation.path("body").asText()).contains("Bonjour Camille", "1 × " + SHOE, "Total : ");
        assertThat(confirmation.path("html").asText()).contains("<html lang=\"fr\">");

        // when: the staff of Paris Opéra pick it and mark it ready for pickup
        String staff = DevTokens.forSubject("paul").groups("store-staff").store(PARIS_OPERA).sign();
        String events = "/orders/" + orderId + "/fulfilments/" + fulfilment.path("fulfilmentId").asText() + "/events";
        assertThat(call("POST", events, "{\"type\": \"picked\"}", staff, null).status()).isEqualTo(200);
        Answer ready = call("POST", events, "{\"type\": \"ready-for-pickup\"}", staff, null);
        assertThat(ready.status()).as("ready: %s", ready.body()).isEqualTo(200);

        // then: a French text message and email with the store's address
        JsonNode sms = awaitMessage("ready-for-pickup SMS of " + number, message -> message.path("channel").asText()
                .equals("sms") && message.path("body").asText().startsWith("Omnis : votre commande " + number + " est prête"));
        assertThat(sms.path("to").asText()).isEqualTo("+33612345678");
        assertThat(sms.path("body").asText()).contains("Omnis Paris Opéra", "24 boulevard des Capucines", "Paris");
        JsonNode readyEmail = awaitMessage("ready-for-pickup email of " + number,
                message -> isEmail(message, "Votre commande " + number + " vous attend en magasin"));
        assertThat(readyEmail.path("to").asText()).isEqualTo("camille.martin@example.fr");
        assertThat(readyEmail.path("body").asText()).contains("Omnis Paris Opéra", "24 boulevard des Capucines", "75009 Paris");

        // and: by the time the later messages are out, the confirmation is still there exactly once
        assertThat(outbox()).filteredOn(message -> isEmail(message, "Votre commande " + number + " est confirmée")).hasSize(1);
        assertThat(outbox()).filteredOn(message -> message.path("channel").asText().equals("sms")
                && message.path("body").asText().contains(number)).hasSize(1);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static boolean isEmail(JsonNode message, String subject) {
        return message.path("channel").asText().equals("email") && message.path("subject").asText().equals(subject);
    }

    private static List<JsonNode> outbox() throws Exception {
        List<JsonNode> messages = new ArrayList<>();
        call("GET", "/_local/outbox", null, null, null).body().path("messages").forEach(messages::add);
        return messages;
    }

    /** Polls the outbox until a message matches: delivery is asynchronous (outbox relay, bus, consumer). */
    private static JsonNode awaitMessage(String what, Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode message : outbox()) {
                if (wanted.test(message)) {
                    return message;
                }
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
        throw new AssertionError("no " + what + " in the local outbox within " + DELIVERY_TIMEOUT + ": " + outbox());
    }

    private static Answer call(String method, String path, String body, String token, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(runtime.baseUrl().resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json").header("X-Channel", "web")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(),
                response.body().isBlank() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(response.body()));
    }
}

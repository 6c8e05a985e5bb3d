package com.omnis.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.LocalRuntime;
import com.omnis.local.RuntimeOptions;
import com.omnis.local.auth.DevTokens;
import com.omnis.shared.identity.Caller;
import com.omnis.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 2's journey, over HTTP through the local runtime: a guest fills a cart on the phone, signs
 * in on the web, the carts merge, and the till in the store shows the same cart with the same totals.
 */
class CrossChannelCartJourneyTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(RuntimeOptions.defaults().withPort(0).withoutSeed().quiet(),
                new PrintStream(new ByteArrayOutputStream(), true));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    private record Answer(int status, Map<String, String> headers, JsonNode body) {
    }

    private static Answer send(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(runtime.baseUrl().resolve(path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> answerHeaders = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> answerHeaders.put(name.toLowerCase(), values.getFirst()));
        JsonNode json = response.body().isBlank() ? null : Json.MAPPER.readTree(response.body());
        return new Answer(response.statusCode(), answerHeaders, json);
    }

    private static Map<String, String> channel(String channel, String... more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Channel", channel);
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    private static void putProduct(String ops, String sku, String name, String category, long cents) throws Exception {
        Answer put = send("PUT", "/products/" + sku, """
                {"name": "%s", "category": "%s", "price": {"amount": %d, "currency": "EUR"}}"""
                .formatted(name, category, cents), channel("call-center", "Authorization", ops));
        assertThat(put.status()).as("PUT /products/%s: %s", sku, put.body()).isBetween(200, 201);
    }

    @Test
    void aGuestCartStartedOnThePhoneIsTheCustomersCartOnTheWebAndAtTheTill() throws Exception {
        // given: the catalog, as ops keep it
        String ops = "Bearer " + DevTokens.forSubject("ops-1").groups(Caller.OPS).sign();
        putProduct(ops, "JRNY-SHOE-42", "Journey trail shoe", "shoes", 8990);
        putProduct(ops, "JRNY-SOCKS", "Journey socks", "socks", 1299);
        String customer = "Bearer " + DevTokens.customer("journey-customer");

        // when: a guest on the phone opens a cart and fills it
        Answer opened = send("POST", "/carts", null, channel("mobile"));
        String guestCart = opened.body().get("id").asText();
        String token = opened.body().get("token").asText();
        Answer shoes = send("POST", "/carts/" + guestCart + "/items", "{\"sku\": \"JRNY-SHOE-42\", \"quantity\": 2}",
                channel("mobile", "X-Cart-Token", token));
        Answer socks = send("POST", "/carts/" + guestCart + "/items", "{\"sku\": \"JRNY-SOCKS\", \"quantity\": 1}",
                channel("mobile", "X-Cart-Token", token));

        // and: signs in on the web, where the guest cart joins the customer's cart
        Answer merged = send("POST", "/me/cart/merge",
                "{\"cartId\": \"" + guestCart + "\", \"token\": \"" + token + "\"}",
                channel("web", "Authorization", customer));

        // and: at the till, the store opens the customer's cart
        Answer atTheTill = send("GET", "/me/cart", null, channel("store", "Authorization", customer));
        Answer byId = send("GET", "/carts/" + merged.body().get("id").asText(), null,
                channel("store", "Authorization", customer));
        Answer closedGuest = send("GET", "/carts/" + guestCart, null, channel("web", "X-Cart-Token", token));

        // then
        assertThat(opened.status()).isEqualTo(201);
        assertThat(shoes.status()).isEqualTo(200);
        assertThat(socks.status()).isEqualTo(200);
        assertThat(socks.body().get("totals").get("total").get("amount").asLong()).isEqualTo(2 * 8990 + 1299);

        assertThat(merged.status()).as("merge: %s", merged.body()).isEqualTo(200);
        JsonNode cart = merged.body();
        assertThat(cart.get("id").asText()).isNotEqualTo(guestCart);
        assertThat(cart.get("customerId").asText()).isEqualTo("journey-customer");
        assertThat(cart.get("lines").findValuesAsText("sku")).containsExactlyInAnyOrder("JRNY-SHOE-42", "JRNY-SOCKS");
        assertThat(cart.get("channels").findValuesAsText("channel")).containsExactlyInAnyOrder("mobile", "web");

        assertThat(atTheTill.status()).isEqualTo(200);
        assertThat(atTheTill.headers()).containsEntry("etag", "\"" + cart.get("version").asLong() + "\"");
        assertThat(atTheTill.body().get("id")).isEqualTo(cart.get("id"));
        assertThat(atTheTill.body().get("lines")).isEqualTo(cart.get("lines"));
        assertThat(atTheTill.body().get("totals")).isEqualTo(socks.body().get("totals")).isEqualTo(cart.get("totals"));
        assertThat(byId.body().get("totals")).isEqualTo(cart.get("totals"));
        assertThat(closedGuest.body().get("status").asText()).isEqualTo("merged");
        assertThat(closedGuest.body().get("mergedInto")).isEqualTo(cart.get("id"));
    }
}

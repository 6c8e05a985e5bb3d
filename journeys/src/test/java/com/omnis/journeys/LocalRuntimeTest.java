package com.omnis.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.LocalRuntime;
import com.omnis.local.RuntimeOptions;
import com.omnis.local.auth.DevTokens;
import com.omnis.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository's template on the local runtime with every function module: what ./scripts/dev serves. */
class LocalRuntimeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
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

    @Test
    void startsEveryFunctionOfTheTemplate() {
        assertThat(runtime.functions().failures()).isEmpty();
        assertThat(runtime.functions().loaded().keySet())
                .containsExactlyInAnyOrderElementsOf(runtime.template().functions().stream().map(f -> f.logicalId()).toList());
    }

    @Test
    void servesAnOpenRouteThroughTheRealHandler() throws Exception {
        HttpResponse<String> response = send(request("/products").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(Json.MAPPER.readTree(response.body()).has("items")).isTrue();
    }

    @Test
    void refusesAnAuthorizerRouteWithoutATokenBeforeTheFunctionRuns() throws Exception {
        HttpResponse<String> response = send(request("/promotions").GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void passesTheAuthorizersClaimsSoTheFunctionDecidesOnGroups() throws Exception {
        HttpResponse<String> customer = send(request("/promotions").GET()
                .header("Authorization", "Bearer " + DevTokens.customer("customer-1")));
        HttpResponse<String> ops = send(request("/promotions").GET()
                .header("Authorization", "Bearer " + DevTokens.forSubject("ops-1").groups("ops").sign()));

        assertThat(customer.statusCode()).isEqualTo(403);
        assertThat(Json.MAPPER.readTree(customer.body()).path("type").asText()).endsWith("/forbidden");
        assertThat(ops.statusCode()).isEqualTo(200);
    }

    @Test
    void letsAFunctionVerifyABearerTokenOnAGuestRouteAgainstTheLocalKeySet() throws Exception {
        String token = DevTokens.customer("customer-journey-1");

        HttpResponse<String> opened = send(request("/carts").POST(HttpRequest.BodyPublishers.noBody())
                .header("X-Channel", "mobile").header("Authorization", "Bearer " + token));
        HttpResponse<String> mine = send(request("/me/cart").GET().header("Authorization", "Bearer " + token));

        assertThat(opened.statusCode()).isIn(200, 201);
        JsonNode cart = Json.MAPPER.readTree(opened.body());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(mine.body()).path("id").asText()).isEqualTo(cart.path("id").asText());
    }

    @Test
    void answersAnUnknownRouteWithA404Problem() throws Exception {
        HttpResponse<String> response = send(request("/no/such/route").GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(Json.MAPPER.readTree(response.body()).path("status").asInt()).isEqualTo(404);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path)).timeout(Duration.ofSeconds(20));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

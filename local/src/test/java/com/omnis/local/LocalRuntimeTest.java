package com.omnis.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.auth.DevTokens;
import com.omnis.local.fixtures.RecordingHandler;
import com.omnis.local.fixtures.ScheduledHandler;
import com.omnis.local.fixtures.StreamHandler;
import com.omnis.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/** The runtime on the test template {@code runtime.yaml}, driven over HTTP as a channel would. */
class LocalRuntimeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() throws URISyntaxException {
        Path template = Path.of(LocalRuntimeTest.class.getResource("/templates/runtime.yaml").toURI());
        runtime = LocalRuntime.start(RuntimeOptions.defaults().withPort(0).withTemplate(template).quiet()
                .withStreamPollInterval(Duration.ofMillis(50)), new PrintStream(CONSOLE, true));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @BeforeEach
    void forgetEarlierDeliveries() {
        RecordingHandler.RECEIVED.clear();
        ScheduledHandler.RECEIVED.clear();
        StreamHandler.RECEIVED.clear();
    }

    @Nested
    class Routing {

        @Test
        void givesTheFunctionTheEventApiGatewayWouldBuild() throws Exception {
            HttpResponse<String> response = send(get("/items/blue%20shoe?color=red&color=blue&q=a+b")
                    .header("X-Custom", "Value").header("Cookie", "session=abc; theme=dark"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Echo")).contains("yes");
            JsonNode echo = Json.MAPPER.readTree(response.body());
            assertThat(echo.path("routeKey").asText()).isEqualTo("GET /items/{id}");
            assertThat(echo.path("rawPath").asText()).isEqualTo("/items/blue%20shoe");
            assertThat(echo.path("rawQueryString").asText()).isEqualTo("color=red&color=blue&q=a+b");
            assertThat(echo.path("pathParameters").path("id").asText()).isEqualTo("blue shoe");
            assertThat(echo.path("queryStringParameters").path("color").asText()).isEqualTo("red,blue");
            assertThat(echo.path("queryStringParameters").path("q").asText()).isEqualTo("a b");
            assertThat(echo.path("headers").path("x-custom").asText()).isEqualTo("Value");
            assertThat(echo.path("headers").has("cookie")).isFalse();
            assertThat(echo.path("cookies").toString()).isEqualTo("[\"session=abc\",\"theme=dark\"]");
            assertThat(echo.path("sourceIp").asText()).isEqualTo("127.0.0.1");
            assertThat(echo.path("requestId").asText()).isNotBlank();
            assertThat(echo.has("claims")).isFalse();
        }

        @Test
        void buildsTheFunctionWithItsTemplateEnvironment() throws Exception {
            JsonNode echo = Json.MAPPER.readTree(send(get("/items/1")).body());

            assertThat(echo.path("greeting").asText()).isEqualTo("hello from test");
            assertThat(echo.path("table").asText()).isEqualTo("ItemsTable");
            assertThat(echo.path("functionName").asText()).isEqualTo("EchoFunction");
        }

        @Test
        void prefersALiteralPathToAPathParameter() throws Exception {
            JsonNode echo = Json.MAPPER.readTree(send(get("/items/new")).body());

            assertThat(echo.path("routeKey").asText()).isEqualTo("GET /items/new");
        }

        @Test
        void bindsAGreedyPathParameterToTheRestOfThePath() throws Exception {
            JsonNode echo = Json.MAPPER.readTree(send(request("/files/a/b/c.txt").DELETE()).body());

            assertThat(echo.path("routeKey").asText()).isEqualTo("ANY /files/{proxy+}");
            assertThat(echo.path("pathParameters").path("proxy").asText()).isEqualTo("a/b/c.txt");
            assertThat(echo.path("method").asText()).isEqualTo("DELETE");
        }

        @Test
        void passesAJsonBodyAsTextAndABinaryBodyAsBase64() throws Exception {
            JsonNode json = Json.MAPPER.readTree(send(request("/items").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"é\"}"))).body());
            JsonNode binary = Json.MAPPER.readTree(send(request("/items").header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))).body());

            assertThat(json.path("body").asText()).isEqualTo("{\"name\":\"é\"}");
            assertThat(json.path("isBase64Encoded").asBoolean()).isFalse();
            assertThat(binary.path("body").asText()).isEqualTo("AQID");
            assertThat(binary.path("isBase64Encoded").asBoolean()).isTrue();
        }

        @Test
        void writesABase64ResponseAsBytesAndItsCookiesAsSetCookieHeaders() throws Exception {
            HttpResponse<byte[]> response = HTTP.send(get("/image").build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.headers().firstValue("Content-Type")).contains("image/png");
            assertThat(response.body()).startsWith(0x89, 'P', 'N', 'G');
            assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1; Path=/", "b=2; Path=/");
        }

        @Test
        void answersAnUnknownRouteWithA404Problem() throws Exception {
            HttpResponse<String> response = send(get("/nowhere"));

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(Json.MAPPER.readTree(response.body()).path("detail").asText()).isEqualTo("no route for GET /nowhere");
        }

        @Test
        void answersAFunctionThatThrowsWithA500ThatLeaksNothing() throws Exception {
            HttpResponse<String> response = send(get("/boom"));

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(response.body()).contains("internal-error").doesNotContain("secret internal detail");
        }

        @Test
        void answersTheRoutesOfAFunctionThatIsNotBuiltWith503NamingIt() throws Exception {
            HttpResponse<String> response = send(get("/missing"));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.body()).contains("com.omnis.missing.MissingHandler is not on the classpath");
            assertThat(CONSOLE.toString()).contains("MissingFunction");
        }

        @Test
        void refusesABodyOverTheApiGatewayLimitWith413() throws Exception {
            HttpResponse<String> response = send(request("/items").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024 + 1])));

            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("payload-too-large");
        }

        @Test
        void answersCorsPreflightFromLocalhostPagesOnly() throws Exception {
            HttpResponse<String> local = send(request("/items").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type, x-channel"));
            HttpResponse<String> foreign = send(request("/items").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "POST"));

            assertThat(local.statusCode()).isEqualTo(204);
            assertThat(local.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:5173");
            assertThat(local.headers().firstValue("Access-Control-Allow-Headers")).contains("content-type, x-channel");
            assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Nested
    class Authorizer {

        @Test
        void refusesAGuardedRouteWithoutATokenBeforeTheFunctionRuns() throws Exception {
            HttpResponse<String> response = send(get("/me"));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(response.body()).contains("https://omnis.dev/problems/unauthorized");
        }

        @Test
        void passesTheClaimsOfAValidTokenToTheFunction() throws Exception {
            String token = DevTokens.forSubject("anna").groups("store-staff").store("store-paris-opera").sign();

            HttpResponse<String> response = send(get("/me").header("Authorization", "Bearer " + token));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode claims = Json.MAPPER.readTree(response.body()).path("claims");
            assertThat(claims.path("sub").asText()).isEqualTo("anna");
            assertThat(claims.path("cognito:groups").asText()).isEqualTo("[store-staff]");
            assertThat(claims.path("custom:storeId").asText()).isEqualTo("store-paris-opera");
        }

        @Test
        void refusesExpiredForeignAndTamperedTokens() throws Exception {
            String expired = DevTokens.forSubject("c1").issuedAt(Instant.now().minus(Duration.ofHours(2)))
                    .ttl(Duration.ofHours(1)).sign();
            String otherAudience = DevTokens.forSubject("c1").audience("someone-else").sign();
            String otherIssuer = DevTokens.forSubject("c1").issuer("https://evil.example.com").sign();
            String valid = DevTokens.customer("c1");
            String tampered = valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");

            for (String token : new String[] {expired, otherAudience, otherIssuer, tampered, "not-a-jwt"}) {
                assertThat(send(get("/me").header("Authorization", "Bearer " + token)).statusCode()).as(token).isEqualTo(401);
            }
        }

        @Test
        void servesTheDevelopmentKeySet() throws Exception {
            HttpResponse<String> response = send(get("/.well-known/jwks.json"));

            assertThat(Json.MAPPER.readTree(response.body()).path("keys").get(0).path("kid").asText()).isEqualTo("omnis-dev-1");
            assertThat(response.body()).doesNotContain("\"d\"");
        }
    }

    @Nested
    class Events {

        @Test
        void deliversAnEventPublishedWithTheSdkToTheRuleTarget() {
            try (EventBridgeClient events = eventBridge()) {
                PutEventsResponse response = events.putEvents(put -> put.entries(entry -> entry.eventBusName("omnis-test")
                        .source("omnis.orders").detailType("OrderPlaced").detail("{\"orderId\":\"o-1\"}")));

                assertThat(response.failedEntryCount()).isZero();
                Eventually.within(Duration.ofSeconds(5), () -> assertThat(ScheduledHandler.RECEIVED).singleElement()
                        .satisfies(event -> {
                            assertThat(event.getDetailType()).isEqualTo("OrderPlaced");
                            assertThat(event.getDetail()).containsEntry("orderId", "o-1");
                            assertThat(event.getId()).isEqualTo(response.entries().getFirst().eventId());
                        }));
            }
        }

        @Test
        void refusesAnEventForABusTheTemplateDoesNotDeclare() {
            try (EventBridgeClient events = eventBridge()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> events.putEvents(put -> put.entries(entry -> entry
                                .eventBusName("no-such-bus").source("omnis.orders").detailType("OrderPlaced").detail("{}"))))
                        .hasMessageContaining("Event bus no-such-bus does not exist");
            }
        }

        @Test
        void reportsAnEntryWithAMalformedDetailAsFailed() {
            try (EventBridgeClient events = eventBridge()) {
                PutEventsResponse response = events.putEvents(put -> put.entries(entry -> entry.eventBusName("omnis-test")
                        .source("omnis.orders").detailType("OrderPlaced").detail("not json")));

                assertThat(response.failedEntryCount()).isEqualTo(1);
                assertThat(response.entries().getFirst().errorCode()).isEqualTo("MalformedDetail");
            }
        }

        @Test
        void firesAScheduleOnRequestWithItsInput() throws Exception {
            HttpResponse<String> response = send(request("/_local/schedules/RecorderFunction.Sweep")
                    .POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(RecordingHandler.RECEIVED).containsExactly(Map.of("sweep", true));
        }

        @Test
        void firesAScheduleWithoutInputWithTheScheduledEventEnvelope() throws Exception {
            send(request("/_local/schedules/ScheduledFunction.Nightly").POST(HttpRequest.BodyPublishers.noBody()));

            assertThat(ScheduledHandler.RECEIVED).singleElement().satisfies(event -> {
                assertThat(event.getDetailType()).isEqualTo("Scheduled Event");
                assertThat(event.getSource()).isEqualTo("aws.events");
                assertThat(event.getResources()).singleElement().asString().endsWith("rule/ScheduledFunction.Nightly");
            });
        }

        @Test
        void deliversNewItemsOfAStreamToItsFunctionAndFiltersOutModifications() {
            var dynamo = runtime.dynamo().client();
            dynamo.putItem(put -> put.tableName("ItemsTable").item(Map.of("id", AttributeValue.fromS("i-1"),
                    "name", AttributeValue.fromS("first"))));
            dynamo.putItem(put -> put.tableName("ItemsTable").item(Map.of("id", AttributeValue.fromS("i-1"),
                    "name", AttributeValue.fromS("renamed"))));

            Eventually.within(Duration.ofSeconds(5), () -> assertThat(StreamHandler.RECEIVED)
                    .flatMap(event -> event.getRecords())
                    .singleElement()
                    .satisfies(record -> {
                        assertThat(record.getEventName()).isEqualTo("INSERT");
                        assertThat(record.getDynamodb().getNewImage().get("name").getS()).isEqualTo("first");
                        assertThat(record.getEventSourceARN()).contains("ItemsTable");
                    }));
        }

        @Test
        void publishesAnEventFromTheLocalEndpointAndShowsItsDelivery() throws Exception {
            HttpResponse<String> published = send(request("/_local/events").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"source\":\"omnis.inventory\",\"detail-type\":\"LowStock\",\"detail\":{\"sku\":\"S1\",\"available\":2}}")));

            assertThat(published.statusCode()).isEqualTo(202);
            assertThat(published.body()).contains("RecorderFunction.Cheap");
            Eventually.within(Duration.ofSeconds(5), () -> assertThat(RecordingHandler.RECEIVED).singleElement()
                    .satisfies(event -> assertThat(event).containsEntry("detail-type", "LowStock")));
            Eventually.within(Duration.ofSeconds(5), () -> assertThat(sendUnchecked(get("/_local/events")).body())
                    .contains("rule RecorderFunction.Cheap"));
        }
    }

    private static EventBridgeClient eventBridge() {
        return EventBridgeClient.builder()
                .endpointOverride(runtime.dynamo().endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(runtime.baseUrl() + path)).timeout(Duration.ofSeconds(10));
    }

    private static HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> sendUnchecked(HttpRequest.Builder request) {
        try {
            return send(request);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}

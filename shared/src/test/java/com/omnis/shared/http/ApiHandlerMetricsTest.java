package com.omnis.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.config.Settings;
import com.omnis.shared.json.Json;
import com.omnis.shared.metrics.EmfMetrics;
import com.omnis.shared.metrics.Metrics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The HTTP boundary counts 5xx answers as EMF, per function, once per invocation. */
class ApiHandlerMetricsTest {

    /** A function whose routes fail, answer, or count a business metric twice in one request. */
    static final class SampleHandler extends ApiHandler {
        SampleHandler() {
            this(Metrics.forFunction(Settings.current()));
        }

        private SampleHandler(Metrics metrics) {
            super(new Router()
                    .on("GET /broken", request -> {
                        throw new IllegalStateException("secret internals");
                    })
                    .on("GET /busy", request -> {
                        throw new com.omnis.shared.error.ContentionException("hot item");
                    })
                    .on("POST /items", request -> {
                        metrics.count("ItemsAdded");
                        metrics.count("ItemsAdded");
                        return ApiResponse.ok(Map.of());
                    }));
        }
    }

    private final List<String> documents = new CopyOnWriteArrayList<>();

    private ApiHandler function(String service) {
        return EmfMetrics.writingTo(documents::add, () -> Settings.withOverrides(
                Map.of(EmfMetrics.NAMESPACE, "Omnis", EmfMetrics.SERVICE, service), SampleHandler::new));
    }

    private static APIGatewayV2HTTPResponse call(ApiHandler handler, String routeKey) {
        return handler.handleRequest(APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-1").build())
                .build(), null);
    }

    private List<JsonNode> emf() {
        return documents.stream().map(line -> Json.read(line, JsonNode.class)).toList();
    }

    @Test
    void anUnexpectedExceptionIsCountedAsAnHttp5xxOfTheFunctionsService() {
        // given
        ApiHandler carts = function("carts");

        // when
        APIGatewayV2HTTPResponse response = call(carts, "GET /broken");

        // then
        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(emf()).singleElement().satisfies(document -> {
            JsonNode directive = document.at("/_aws/CloudWatchMetrics/0");
            assertThat(directive.path("Namespace").asText()).isEqualTo("Omnis");
            assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Service\"]]");
            assertThat(directive.path("Metrics").toString()).contains("\"Name\":\"Http5xx\"", "\"Unit\":\"Count\"");
            assertThat(document.path("Service").asText()).isEqualTo("carts");
            assertThat(document.path("Http5xx").asDouble()).isEqualTo(1.0);
        });
    }

    @Test
    void aContentionAnswerIsA5xxToo() {
        ApiHandler carts = function("carts");

        assertThat(call(carts, "GET /busy").getStatusCode()).isEqualTo(503);

        assertThat(emf()).singleElement().satisfies(document ->
                assertThat(document.path("Http5xx").asDouble()).isEqualTo(1.0));
    }

    @Test
    void aClientErrorIsNotCountedAndWritesNothing() {
        ApiHandler carts = function("carts");

        assertThat(call(carts, "GET /nowhere").getStatusCode()).isEqualTo(404);

        assertThat(documents).isEmpty();
    }

    @Test
    void whatOneRequestCountsIsFlushedOnceAsOneDocument() {
        ApiHandler carts = function("carts");

        call(carts, "POST /items");

        assertThat(emf()).singleElement().satisfies(document -> {
            assertThat(document.path("ItemsAdded").asDouble()).isEqualTo(2.0);
            assertThat(document.has("Http5xx")).isFalse();
        });
    }

    @Test
    void functionsSharingOneJvmCountUnderTheirOwnServiceName() {
        // given: two functions built in one JVM, as the local runtime builds them
        ApiHandler carts = function("carts");
        ApiHandler inventory = function("inventory");

        // when
        call(carts, "GET /broken");
        call(inventory, "GET /broken");
        call(inventory, "GET /broken");

        // then
        assertThat(emf()).extracting(document -> document.path("Service").asText())
                .containsExactly("carts", "inventory", "inventory");
    }

    @Test
    void aFunctionWithoutANamespaceCountsNothing() {
        ApiHandler unconfigured = EmfMetrics.writingTo(documents::add,
                () -> Settings.withOverrides(Map.of(EmfMetrics.SERVICE, "carts"), SampleHandler::new));

        call(unconfigured, "GET /broken");

        assertThat(documents).isEmpty();
    }
}

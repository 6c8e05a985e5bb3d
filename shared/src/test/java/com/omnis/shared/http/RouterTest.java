package com.omnis.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.error.ContentionException;
import com.omnis.shared.error.NotFoundException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router()
            .on("GET /ok", request -> ApiResponse.ok(Map.of("hello", "world")))
            .on("GET /rejected", request -> {
                throw new NotFoundException("cart c-1 does not exist");
            })
            .on("GET /busy", request -> {
                throw new ContentionException("hot item");
            })
            .on("GET /conflict", request -> {
                throw new ConflictException("out-of-stock", "Out of stock", "2 left", Map.of("available", 2));
            })
            .on("GET /broken", request -> {
                throw new IllegalStateException("secret internals");
            });

    private APIGatewayV2HTTPResponse call(String routeKey) {
        return router.handle(APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-1").build())
                .build());
    }

    @Test
    void answersJson() {
        APIGatewayV2HTTPResponse response = call("GET /ok");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(response.getBody()).isEqualTo("{\"hello\":\"world\"}");
    }

    @Test
    void mapsAProblemToProblemJson() {
        APIGatewayV2HTTPResponse response = call("GET /rejected");

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getBody()).contains("\"detail\":\"cart c-1 does not exist\"");
    }

    @Test
    void contentionIsA503WithRetryAfter() {
        APIGatewayV2HTTPResponse response = call("GET /busy");

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(response.getBody()).contains("\"type\":\"https://omnis.dev/problems/contention\"");
    }

    @Test
    void aConflictCarriesTheCurrentState() {
        APIGatewayV2HTTPResponse response = call("GET /conflict");

        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getBody()).contains("\"type\":\"https://omnis.dev/problems/out-of-stock\"")
                .contains("\"current\":{\"available\":2}");
    }

    @Test
    void anUnexpectedFailureIsA500ThatLeaksNothing() {
        APIGatewayV2HTTPResponse response = call("GET /broken");

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("secret").contains("req-1");
    }

    @Test
    void listsItsRouteKeysForTheContractTest() {
        assertThat(router.routeKeys()).containsExactly("GET /ok", "GET /rejected", "GET /busy", "GET /conflict", "GET /broken");
    }
}

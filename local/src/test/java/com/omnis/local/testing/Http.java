package com.omnis.local.testing;

import com.omnis.local.lambda.LocalContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.http.ApiHandler;
import com.omnis.shared.json.Json;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Calls a function's handler through its Lambda entry point with the API Gateway v2 events the HTTP API
 * would send, carrying the JWT claims its authorizer validated. One client for every function module's
 * tests (they reach it through this module's test-jar).
 */
public final class Http {

    private final ApiHandler handler;
    private final String functionName;

    /** {@code functionName}: the template's logical id, which the context names as a real Lambda would. */
    public Http(ApiHandler handler, String functionName) {
        this.handler = handler;
        this.functionName = functionName;
    }

    /** Who calls: JWT claims as the authorizer passes them (groups flattened to "[a b]"). */
    public record As(Map<String, String> claims) {
        public static final As ANONYMOUS = new As(Map.of());

        public static As ops() {
            return new As(Map.of("sub", "ops-1", "cognito:groups", "[ops]"));
        }

        public static As staff(String storeId) {
            return new As(Map.of("sub", "staff-" + storeId, "cognito:groups", "[store-staff]", "custom:storeId", storeId));
        }

        public static As customer(String sub) {
            return new As(Map.of("sub", sub, "cognito:groups", "[customer]"));
        }

        public static As agent(String sub) {
            return new As(Map.of("sub", sub, "cognito:groups", "[agent]"));
        }

        /** A customer whose token carries an email claim (an ID token, or an access token with the claim added). */
        public static As customerWithEmail(String sub, String email) {
            return new As(Map.of("sub", sub, "cognito:groups", "[customer]", "email", email));
        }
    }

    /** A response with its body parsed. */
    public record Response(int status, Map<String, String> headers, JsonNode body) {
        public String contentType() {
            return headers.getOrDefault("Content-Type", "");
        }
    }

    public static final class Request {
        private final String method;
        private final String path;
        private final String routeKey;
        private final Map<String, String> pathParameters = new HashMap<>();
        private final Map<String, String> query = new HashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private As as = As.ANONYMOUS;

        private Request(String method, String route, String path) {
            this.method = method;
            this.routeKey = method + " " + route;
            this.path = path;
        }

        public Request path(String name, String value) {
            pathParameters.put(name, value);
            return this;
        }

        public Request query(String name, String value) {
            query.put(name, value);
            return this;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request json(Object value) {
            return body(value instanceof String text ? text : Json.write(value));
        }

        public Request body(String raw) {
            headers.putIfAbsent("content-type", "application/json");
            this.body = raw;
            return this;
        }

        public Request as(As caller) {
            this.as = caller;
            return this;
        }

        public APIGatewayV2HTTPEvent event() {
            var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(as.claims()).build();
            var authorizer = APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build();
            var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withRequestId(UUID.randomUUID().toString())
                    .withRouteKey(routeKey)
                    .withAuthorizer(as.claims().isEmpty() ? null : authorizer)
                    .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path).build())
                    .build();
            return APIGatewayV2HTTPEvent.builder()
                    .withVersion("2.0")
                    .withRouteKey(routeKey)
                    .withRawPath(path)
                    .withHeaders(headers)
                    .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                    .withQueryStringParameters(query.isEmpty() ? null : query)
                    .withBody(body)
                    .withIsBase64Encoded(false)
                    .withRequestContext(context)
                    .build();
        }
    }

    public static Request request(String method, String route, String path) {
        return new Request(method, route, path);
    }

    public Response send(Request request) {
        return send(request.event());
    }

    /** A sample event of {@code events/api/} (the file name without {@code .json}). */
    public static APIGatewayV2HTTPEvent sample(String name) {
        Path events = Path.of(System.getProperty("omnis.repo.root", "../.."), "events", "api");
        return EventLoader.loadApiGatewayHttpEvent(events.resolve(name + ".json").toString());
    }

    /** Through the handler's Lambda entry point, as the runtime calls it. */
    public Response send(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, LocalContext.forFunction(functionName));
        try {
            JsonNode body = response.getBody() == null || response.getBody().isEmpty()
                    ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(response.getBody());
            return new Response(response.getStatusCode(),
                    response.getHeaders() == null ? Map.of() : response.getHeaders(), body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.omnis.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.omnis.shared.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the payload 2.0 responses: JSON bodies, problem documents, and the headers we always send. */
public final class ApiResponse {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private ApiResponse() {
    }

    public static APIGatewayV2HTTPResponse ok(Object body) {
        return json(200, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse created(Object body, String location) {
        return json(201, body, Map.of("Location", location));
    }

    public static APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(Map.of()).build();
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        headers.put("Cache-Control", "no-store");
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(Json.write(body))
                .build();
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem) {
        return problem(problem, Map.of());
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", PROBLEM_JSON);
        headers.put("Cache-Control", "no-store");
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(problem.status())
                .withHeaders(headers)
                .withBody(Json.write(problem))
                .build();
    }
}

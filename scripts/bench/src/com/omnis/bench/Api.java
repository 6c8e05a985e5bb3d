package com.omnis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The local runtime's HTTP API as a client sees it, over loopback. */
final class Api {

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return body.isBlank() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        Reply expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected " + expected + ", got " + status + " " + body);
            }
            return this;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;

    Api(URI base) {
        this.base = base;
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, Map.of());
    }

    Reply send(String method, String path, String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token, "X-Channel", "web");
    }
}

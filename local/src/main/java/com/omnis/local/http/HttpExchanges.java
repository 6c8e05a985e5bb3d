package com.omnis.local.http;

import com.omnis.shared.http.ApiResponse;
import com.omnis.shared.http.Problem;
import com.omnis.shared.json.Json;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading requests from and writing responses to the JDK HTTP server. */
final class HttpExchanges {

    private HttpExchanges() {
    }

    /** The request with its body, or empty if the body is over {@code limit} bytes. */
    static Optional<IncomingRequest> read(HttpExchange exchange, int limit) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                // read the rest before answering 413: a client still sending would otherwise see a reset, not the answer
                in.transferTo(OutputStream.nullOutputStream());
                return Optional.empty();
            }
        }
        var uri = exchange.getRequestURI();
        return Optional.of(new IncomingRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                uri.getRawPath(), uri.getRawQuery(), exchange.getRequestHeaders(), body,
                exchange.getRemoteAddress().getAddress().getHostAddress()));
    }

    static void send(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body) throws IOException {
        headers.forEach((name, values) -> values.forEach(value -> exchange.getResponseHeaders().add(name, value)));
        boolean empty = body.length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD") || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    static void json(HttpExchange exchange, int status, Object body, Map<String, String> extraHeaders) throws IOException {
        send(exchange, status, headers(ApiResponse.JSON, extraHeaders), Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    static void problem(HttpExchange exchange, Problem problem, Map<String, String> extraHeaders) throws IOException {
        send(exchange, problem.status(), headers(ApiResponse.PROBLEM_JSON, extraHeaders),
                Json.write(problem).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> headers(String contentType, Map<String, String> extraHeaders) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(contentType));
        headers.put("Cache-Control", List.of("no-store"));
        extraHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
        return headers;
    }
}

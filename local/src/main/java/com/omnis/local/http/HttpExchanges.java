package com.omnis.local.http;

import com.omnis.shared.http.ApiResponse;
import com.omnis.shared.http.Problem;
import com.omnis.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;

/** One request to the local HTTP server (Jetty) and its one response. */
final class HttpExchanges {

    private final Request request;
    private final Response response;
    private int status;

    HttpExchanges(Request request, Response response) {
        this.request = request;
        this.response = response;
    }

    String method() {
        return request.getMethod();
    }

    /** The request target as sent, for the request log. */
    String target() {
        return request.getHttpURI().getPathQuery();
    }

    /** A request header's first value, or null. */
    String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The status sent, 0 before. */
    int status() {
        return status;
    }

    boolean sent() {
        return status != 0;
    }

    /** The request with its body, or empty if the body is over {@code limit} bytes. */
    Optional<IncomingRequest> read(int limit) throws IOException {
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                // read the rest before answering 413: a client still sending would otherwise see a reset, not the answer
                in.transferTo(OutputStream.nullOutputStream());
                return Optional.empty();
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return Optional.of(new IncomingRequest(request.getMethod().toUpperCase(Locale.ROOT),
                request.getHttpURI().getPath(), request.getHttpURI().getQuery(), headers, body,
                Request.getRemoteAddr(request)));
    }

    void send(int status, Map<String, List<String>> headers, byte[] body) throws IOException {
        this.status = status;
        response.setStatus(status);
        headers.forEach((name, values) -> values.forEach(value -> response.getHeaders().add(name, value)));
        boolean empty = body.length == 0 || request.getMethod().equalsIgnoreCase("HEAD") || status == 204 || status == 304;
        try (Blocker.Callback written = Blocker.callback()) {
            response.write(true, empty ? null : ByteBuffer.wrap(body), written);
            written.block();
        }
    }

    void json(int status, Object body, Map<String, String> extraHeaders) throws IOException {
        send(status, headers(ApiResponse.JSON, extraHeaders), Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    void problem(Problem problem, Map<String, String> extraHeaders) throws IOException {
        send(problem.status(), headers(ApiResponse.PROBLEM_JSON, extraHeaders),
                Json.write(problem).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, List<String>> headers(String contentType, Map<String, String> extraHeaders) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(contentType));
        headers.put("Cache-Control", List.of("no-store"));
        extraHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
        return headers;
    }
}

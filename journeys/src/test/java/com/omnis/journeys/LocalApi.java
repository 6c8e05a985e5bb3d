package com.omnis.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.LocalRuntime;
import com.omnis.local.RuntimeOptions;
import com.omnis.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The local runtime a journey runs against (demo data, a free port, its log swallowed) and the HTTP
 * calls the journey makes to it, as a phone, a browser or a till would: a bearer token, the
 * {@code X-Channel} header, a JSON body. A journey registers it once
 * ({@code @RegisterExtension static final LocalApi RUNTIME = new LocalApi();}): the runtime starts before the
 * class's tests and stops after them.
 */
final class LocalApi implements BeforeAllCallback, AfterAllCallback {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // generous: a checkout or a clock move that fires schedules does several functions' work on 2 cores
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private LocalRuntime runtime;

    @Override
    public void beforeAll(ExtensionContext context) {
        runtime = LocalRuntime.start(RuntimeOptions.defaults().withPort(0).quiet(),
                new PrintStream(new ByteArrayOutputStream(), true));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        runtime.close();
    }

    /** The runtime itself, for what a journey checks beneath the API (every table after an erasure). */
    LocalRuntime runtime() {
        return runtime;
    }

    /** A status, the body parsed (JSON null when empty) and the headers, named in lower case. */
    record Answer(int status, JsonNode body, Map<String, String> headers) {
    }

    /** Sends the request and returns the answer whatever its status. */
    Answer send(String method, String path, String body, String token, String channel, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpResponse<String> response = raw(method, path, body, token, channel, headers);
        Map<String, String> answered = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> answered.put(name.toLowerCase(Locale.ROOT),
                String.join(",", new ArrayList<>(values))));
        return new Answer(response.statusCode(),
                response.body().isBlank() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(response.body()), answered);
    }

    /** Polls {@code /_local/outbox} until a sent message matches (delivery is asynchronous: relay, bus, consumer). */
    JsonNode awaitSentMessage(String what, java.util.function.Predicate<JsonNode> wanted)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        JsonNode messages = Json.MAPPER.nullNode();
        while (System.nanoTime() < deadline) {
            messages = send("GET", "/_local/outbox", null, null, null, Map.of(), 200).path("messages");
            for (JsonNode message : messages) {
                if (wanted.test(message)) {
                    return message;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + what + " in the local outbox within 30 s: " + messages);
    }

    /** Sends the request, asserts the status is {@code expected} (the body in the message) and returns the body. */
    JsonNode send(String method, String path, String body, String token, String channel, Map<String, String> headers,
            int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = raw(method, path, body, token, channel, headers);
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expected);
        return response.body().isBlank() ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(response.body());
    }

    /** The response as it came, for what the other two do not show (the content type of a problem). */
    HttpResponse<String> raw(String method, String path, String body, String token, String channel,
            Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(runtime.baseUrl().resolve(path))
                .timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (channel != null) {
            request.header("X-Channel", channel);
        }
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package com.omnis.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.local.LocalRuntime;
import com.omnis.local.RuntimeOptions;
import com.omnis.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a client that sends a malformed request gets from the local API: a 4xx problem document, as
 * from the functions, never a server's HTML page. Sent over a raw socket: HTTP clients refuse to send these.
 */
class MalformedRequestTest {

    private static LocalRuntime runtime;

    @BeforeAll
    static void start() throws URISyntaxException {
        Path template = Path.of(MalformedRequestTest.class.getResource("/templates/runtime.yaml").toURI());
        runtime = LocalRuntime.start(RuntimeOptions.defaults().withPort(0).withTemplate(template).quiet(),
                new PrintStream(new ByteArrayOutputStream(), true));
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    /** The status line, the headers (lower-case names) and the body of the answer to {@code request}. */
    private record Answer(int status, String head, String body) {
        String contentType() {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    return line.substring("content-type:".length()).trim();
                }
            }
            return "";
        }
    }

    private static Answer raw(String request) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), runtime.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String head = split < 0 ? answer : answer.substring(0, split);
            String body = split < 0 ? "" : answer.substring(split + 4);
            return new Answer(Integer.parseInt(head.split(" ")[1]), head, body);
        }
    }

    private static String request(String requestLine, String... headers) {
        StringBuilder text = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n");
        for (String header : headers) {
            text.append(header).append("\r\n");
        }
        return text.append("\r\n").toString();
    }

    private static void assertProblem(Answer answer) throws Exception {
        assertThat(answer.status()).as(answer.head()).isBetween(400, 499);
        assertThat(answer.contentType()).as(answer.head()).startsWith("application/problem+json");
        JsonNode problem = Json.MAPPER.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(answer.status());
        assertThat(problem.path("type").asText()).startsWith("https://omnis.dev/problems/");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /items/1?cursor=%%% HTTP/1.1",
            "GET /nowhere?cursor=%%% HTTP/1.1",
            "GET /items/%zz HTTP/1.1",
            "GET /items/a b HTTP/1.1",
            "GET /_local/token?sub=%%% HTTP/1.1",
            "GET /items/1?q=50% HTTP/1.1",
            "BREW /items/1 HTTP/1.1",
            "HELLO"})
    void aMalformedRequestLineIsAProblemDocument(String requestLine) throws Exception {
        assertProblem(raw(request(requestLine)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad Header: x", "Content-Length: abc", "X-Test:\u0001\u0002", ": no name"})
    void aMalformedHeaderIsAProblemDocument(String header) throws Exception {
        assertProblem(raw(request("GET /items/1 HTTP/1.1", header)));
    }

    @Test
    void anUnknownHttpVersionIsAProblemDocumentToo() throws Exception {
        Answer answer = raw(request("GET /items/1 HTTP/9.9"));

        assertThat(answer.status()).isEqualTo(505);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aWellFormedRequestStillReachesItsFunction() throws Exception {
        Answer answer = raw(request("GET /items/1?color=red&discount=50%25 HTTP/1.1"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(answer.body()).path("rawQueryString").asText()).isEqualTo("color=red&discount=50%25");
    }
}

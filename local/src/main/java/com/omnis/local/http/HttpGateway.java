package com.omnis.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.omnis.local.auth.DevTokens;
import com.omnis.local.lambda.LambdaEvent;
import com.omnis.local.lambda.LocalFunctions;
import com.omnis.local.template.HttpRoute;
import com.omnis.local.template.JwtAuthorizerSpec;
import com.omnis.shared.error.DomainException;
import com.omnis.shared.http.Problem;
import com.omnis.shared.error.DomainException;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.error.UnauthenticatedException;
import com.omnis.shared.http.ProblemException;
import com.omnis.shared.http.Router;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on the local machine: each request is matched to a template route, checked by the
 * JWT authorizer when the route has one, turned into the payload 2.0 event and handed to the
 * route's function; the function's response goes back as API Gateway would send it. The runtime's
 * own errors (no route, no token, body too large, function not built) are problem documents.
 */
public final class HttpGateway {

    /** API Gateway's own payload limit; the functions enforce their smaller one. */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    public static final String JWKS_PATH = "/.well-known/jwks.json";

    private static final Logger LOG = LoggerFactory.getLogger(HttpGateway.class);
    private static final ObjectMapper RESULTS = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final JwtAuthorizerSpec DEFAULT_AUTHORIZER =
            new JwtAuthorizerSpec("default", "$request.header.Authorization", DevTokens.ISSUER, List.of(DevTokens.AUDIENCE));

    private final RouteTable routes;
    private final Map<String, JwtAuthorizerSpec> authorizers;
    private final JwtAuthorizer authorizer;
    private final LocalFunctions functions;
    private final LocalEndpoints localEndpoints;
    private final Clock clock;
    private final Consumer<String> requestLog;

    public HttpGateway(RouteTable routes, Map<String, JwtAuthorizerSpec> authorizers, JwtAuthorizer authorizer,
                       LocalFunctions functions, LocalEndpoints localEndpoints, Clock clock, Consumer<String> requestLog) {
        this.routes = routes;
        this.authorizers = Map.copyOf(authorizers);
        this.authorizer = authorizer;
        this.functions = functions;
        this.localEndpoints = localEndpoints;
        this.clock = clock;
        this.requestLog = requestLog;
    }

    void handle(HttpExchanges exchange) throws IOException {
        long start = System.nanoTime();
        String outcome;
        try {
            outcome = serve(exchange);
        } catch (RuntimeException e) {
            LOG.error("the local runtime failed on {} {}", exchange.method(), exchange.target(), e);
            if (!exchange.sent()) {
                exchange.problem(internalError("the local runtime failed; see its log"), Map.of());
            }
            outcome = "runtime error";
        }
        requestLog.accept(String.format("%-6s %s -> %d %s (%d ms)", exchange.method(), exchange.target(),
                exchange.status(), outcome, (System.nanoTime() - start) / 1_000_000));
    }

    private String serve(HttpExchanges exchange) throws IOException {
        Map<String, String> cors = Cors.headers(Optional.ofNullable(exchange.header("Origin")));
        Optional<IncomingRequest> read = exchange.read(MAX_BODY_BYTES);
        if (read.isEmpty()) {
            exchange.problem(ProblemException.tooLarge("the body exceeds " + MAX_BODY_BYTES + " bytes").problem(), cors);
            return "";
        }
        IncomingRequest request = read.get();
        if (!wellEncoded(request.rawPath()) || !wellEncoded(request.rawQuery())) {
            exchange.problem(new Problem(Problem.TYPE_BASE + "malformed-request", "Malformed request", 400,
                    "the path or the query string has a % not followed by two hex digits: encode % as %25",
                    List.of(), null), cors);
            return "malformed";
        }
        if (Cors.isPreflight(request)) {
            exchange.send(204, single(Cors.preflightHeaders(request)), new byte[0]);
            return "preflight";
        }
        if (request.method().equals("GET") && request.rawPath().equals(JWKS_PATH)) {
            exchange.send(200, single(Map.of("Content-Type", "application/json")),
                    DevTokens.publicJwks().getBytes(StandardCharsets.UTF_8));
            return "";
        }
        if (request.rawPath().equals(LocalEndpoints.PREFIX) || request.rawPath().startsWith(LocalEndpoints.PREFIX + "/")) {
            return serveLocal(exchange, request, cors);
        }
        Optional<RouteTable.Match> match = routes.match(request.method(), request.rawPath());
        if (match.isEmpty()) {
            exchange.problem(Router.problemOf(new NotFoundException("no route for " + request.method() + " "
                    + request.rawPath())), cors);
            return "";
        }
        HttpRoute route = match.get().route();
        Map<String, String> claims = Map.of();
        if (route.requiresToken()) {
            try {
                claims = authorizer.authorize(request, authorizers.getOrDefault(route.authorizer().get(), DEFAULT_AUTHORIZER));
            } catch (UnauthenticatedException e) {
                Map<String, String> headers = new LinkedHashMap<>(cors);
                headers.put("WWW-Authenticate", "Bearer");
                exchange.problem(Router.problemOf(e), headers);
                return "authorizer";
            }
        }
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.build(request, match.get(), claims, clock.instant());
        Object result;
        try {
            result = functions.invoke(route.functionId(), new LambdaEvent(event, () -> RESULTS.convertValue(event, Map.class)));
        } catch (LocalFunctions.FunctionUnavailableException e) {
            exchange.problem(new Problem(Problem.TYPE_BASE + "function-unavailable", "Function unavailable",
                    503, e.getMessage(), List.of(), null), cors);
            return route.functionId();
        } catch (RuntimeException | Error e) {
            LOG.error("{} failed on {}", route.functionId(), route.routeKey(), e);
            exchange.problem(internalError("the function failed; quote request id "
                    + event.getRequestContext().getRequestId()), cors);
            return route.functionId();
        }
        writeResult(exchange, result, cors);
        return route.functionId();
    }

    private String serveLocal(HttpExchanges exchange, IncomingRequest request, Map<String, String> cors) throws IOException {
        try {
            Optional<LocalEndpoints.Reply> reply = localEndpoints.handle(request);
            if (reply.isEmpty()) {
                exchange.problem(Router.problemOf(new NotFoundException("no local endpoint "
                        + request.method() + " " + request.rawPath())), cors);
            } else if (reply.get().body() instanceof LocalEndpoints.Html html) {
                Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
                cors.forEach((name, value) -> headers.put(name, List.of(value)));
                headers.put("Content-Type", List.of("text/html; charset=utf-8"));
                // the page shows emails in sandboxed frames: no script runs, nothing is fetched from elsewhere
                headers.put("Content-Security-Policy", List.of("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'"));
                exchange.send(reply.get().status(), headers, html.page().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                exchange.json(reply.get().status(), reply.get().body(), cors);
            }
        } catch (DomainException e) {
            exchange.problem(Router.problemOf(e), cors);
        } catch (ProblemException e) {
            exchange.problem(e.problem(), cors);
        }
        return "local";
    }

    /** Writes what the function returned: a payload 2.0 response, or any other value as a 200 JSON body. */
    private static void writeResult(HttpExchanges exchange, Object result, Map<String, String> cors) throws IOException {
        APIGatewayV2HTTPResponse response = asResponse(result);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> headers.put(name, new ArrayList<>(List.of(value))));
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) ->
                    headers.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        }
        if (response.getCookies() != null && !response.getCookies().isEmpty()) {
            headers.put("Set-Cookie", List.copyOf(response.getCookies()));
        }
        cors.forEach((name, value) -> headers.putIfAbsent(name, List.of(value)));
        String body = response.getBody();
        byte[] bytes = body == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        exchange.send(response.getStatusCode() == 0 ? 200 : response.getStatusCode(), headers, bytes);
    }

    private static APIGatewayV2HTTPResponse asResponse(Object result) {
        if (result instanceof APIGatewayV2HTTPResponse response) {
            return response;
        }
        if (result instanceof Map<?, ?> map && map.containsKey("statusCode")) {
            return RESULTS.convertValue(map, APIGatewayV2HTTPResponse.class);
        }
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(RESULTS.writeValueAsString(result)).build();
        } catch (IOException e) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(500).withBody("").build();
        }
    }

    /** Every {@code %} starts a percent-encoded byte ({@code %2F}): what no function could decode is refused here. */
    static boolean wellEncoded(String raw) {
        for (int i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
            if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                    || Character.digit(raw.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static Problem internalError(String detail) {
        return new Problem(Problem.TYPE_BASE + "internal-error", "Internal error", 500, detail, List.of(), null);
    }

    private static Map<String, List<String>> single(Map<String, String> headers) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return multi;
    }
}

package com.omnis.shared.http;

import com.omnis.shared.identity.Caller;
import com.omnis.shared.error.InvalidInputException;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** An HTTP API (payload 2.0) request as the application sees it: typed accessors that fail with a 4xx problem. */
public final class ApiRequest {

    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final APIGatewayV2HTTPEvent event;
    private final Map<String, String> headers;
    private final TokenVerifier verifier;
    private Caller caller;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this(event, TokenVerifier.NONE);
    }

    /**
     * On routes the authorizer guards, the caller comes from the validated claims in the event.
     * On routes open to guests, a bearer token, when sent, is verified with {@code verifier} when
     * the route first asks for the {@link #caller()}.
     */
    public ApiRequest(APIGatewayV2HTTPEvent event, TokenVerifier verifier) {
        this.event = event;
        this.verifier = verifier;
        Map<String, String> lower = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (event.getHeaders() != null) {
            lower.putAll(event.getHeaders());
        }
        this.headers = lower;
    }

    private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return Map.of();
        }
        return context.getAuthorizer().getJwt().getClaims();
    }

    public String routeKey() {
        return event.getRouteKey();
    }

    /**
     * Who calls; 401 for a bearer token that does not verify. Resolved on first use only, so a public
     * route that never asks (the catalog) serves a signed-in shopper whatever token their app sends.
     */
    public Caller caller() {
        if (caller == null) {
            Map<String, String> claims = claims(event);
            if (claims.isEmpty()) {
                claims = header("Authorization").map(verifier::verifyBearer).orElse(Map.of());
            }
            caller = Caller.fromClaims(claims);
        }
        return caller;
    }

    public String requestId() {
        var context = event.getRequestContext();
        return context == null || context.getRequestId() == null ? "-" : context.getRequestId();
    }

    public String pathParam(String name) {
        Map<String, String> params = event.getPathParameters();
        String value = params == null ? null : params.get(name);
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of("path " + name, "is required");
        }
        return value;
    }

    public Optional<String> query(String name) {
        Map<String, String> params = event.getQueryStringParameters();
        return Optional.ofNullable(params == null ? null : params.get(name)).filter(v -> !v.isBlank());
    }

    public Optional<Integer> queryInt(String name, int min, int max) {
        return query(name).map(raw -> {
            try {
                int value = Integer.parseInt(raw);
                if (value < min || value > max) {
                    throw InvalidInputException.of("query " + name, "must be between " + min + " and " + max);
                }
                return value;
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("query " + name, "must be an integer");
            }
        });
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name)).filter(v -> !v.isBlank());
    }

    /** The {@code X-Channel} header, required on every mutation. */
    public Channel channel() {
        String raw = header("X-Channel").orElseThrow(() -> InvalidInputException.of("header X-Channel",
                "is required: one of web, mobile, store, call-center, kiosk"));
        return channelOf(raw);
    }

    /** The {@code X-Channel} header where a read may omit it; sent, it must still be a known channel. */
    public Channel channelOr(Channel whenAbsent) {
        return header("X-Channel").map(ApiRequest::channelOf).orElse(whenAbsent);
    }

    private static Channel channelOf(String raw) {
        return Channel.fromCode(raw.trim().toLowerCase(Locale.ROOT)).orElseThrow(() -> InvalidInputException.of(
                "header X-Channel", "unknown channel '" + raw + "', expected one of web, mobile, store, call-center, kiosk"));
    }

    /** {@code If-Match} as a version number ({@code "3"} or {@code W/"3"}), when sent. */
    public Optional<Long> ifMatchVersion() {
        return header("If-Match").map(raw -> {
            String cleaned = raw.trim().replaceFirst("^W/", "").replace("\"", "");
            try {
                return Long.parseLong(cleaned);
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("header If-Match", "must be the resource version, for example \"3\"");
            }
        });
    }

    public String rawBody() {
        String body = event.getBody();
        if (body == null) {
            return "";
        }
        String text = event.getIsBase64Encoded() ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw ProblemException.tooLarge("the body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        return text;
    }

    /**
     * The JSON body bound to {@code type}. Malformed JSON, wrong types, unknown fields and values
     * rejected by a record's constructor all become a 400 problem naming the field.
     */
    public <T> T body(Class<T> type) {
        String text = rawBody();
        if (text.isBlank()) {
            throw ProblemException.malformed("a JSON body is required");
        }
        header("Content-Type").ifPresent(contentType -> {
            if (!contentType.toLowerCase(Locale.ROOT).contains("json")) {
                throw ProblemException.unsupportedMediaType("send the body as application/json");
            }
        });
        try {
            T value = Json.MAPPER.readValue(text, type);
            if (value == null) {
                throw ProblemException.malformed("the body must be a JSON object");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw problemOf(e);
        }
    }

    private static RuntimeException problemOf(JsonProcessingException e) {
        StreamReadException syntax = syntaxError(e);
        if (syntax != null) {
            // binding wraps a truncated or broken document: that is malformed JSON, not a bad field
            String where = syntax.getLocation() == null ? "" : " (line " + syntax.getLocation().getLineNr()
                    + ", column " + syntax.getLocation().getColumnNr() + ")";
            return ProblemException.malformed("the body is not valid JSON" + where);
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause();
            String message = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage() : "is invalid";
            return InvalidInputException.of(fieldOf(v, "body"), message);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return InvalidInputException.of(fieldOf(u, u.getPropertyName()), "is not a known field");
        }
        if (e instanceof InvalidFormatException f) {
            return InvalidInputException.of(fieldOf(f, "body"), "has the wrong type or format");
        }
        if (e instanceof MismatchedInputException m) {
            return InvalidInputException.of(fieldOf(m, "body"), "has the wrong type or is missing");
        }
        if (e instanceof JsonMappingException m) {
            return InvalidInputException.of(fieldOf(m, "body"), "is invalid");
        }
        return ProblemException.malformed("the body is not valid JSON");
    }

    private static StreamReadException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException read && !(t instanceof InputCoercionException)) {
                return read;
            }
        }
        return null;
    }

    private static String fieldOf(JsonMappingException e, String fallback) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        if (path.isEmpty()) {
            return fallback;
        }
        return path.startsWith(".") ? path.substring(1) : path;
    }

    public APIGatewayV2HTTPEvent event() {
        return event;
    }
}

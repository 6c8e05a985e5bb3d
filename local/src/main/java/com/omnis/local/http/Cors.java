package com.omnis.local.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** CORS for front ends served from this machine: any localhost origin may call the local API, nothing else. */
final class Cors {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String DEFAULT_HEADERS = "authorization, content-type, x-channel, x-cart-token, if-match, idempotency-key";
    static final String EXPOSED_HEADERS = "etag, location";

    private Cors() {
    }

    /** The headers every answer to a localhost origin carries. */
    static Map<String, String> headers(Optional<String> origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (origin.isPresent() && isLocal(origin.get())) {
            headers.put("Access-Control-Allow-Origin", origin.get());
            headers.put("Access-Control-Allow-Credentials", "true");
            headers.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
            headers.put("Vary", "Origin");
        }
        return headers;
    }

    static boolean isPreflight(IncomingRequest request) {
        return request.method().equals("OPTIONS") && request.header("origin").isPresent()
                && request.header("access-control-request-method").isPresent();
    }

    /** The answer to a preflight request: whatever a localhost page asks for is allowed. */
    static Map<String, String> preflightHeaders(IncomingRequest request) {
        Map<String, String> headers = headers(request.header("origin"));
        if (!headers.isEmpty()) {
            headers.put("Access-Control-Allow-Methods", ALLOWED_METHODS);
            headers.put("Access-Control-Allow-Headers", request.header("access-control-request-headers").orElse(DEFAULT_HEADERS));
            headers.put("Access-Control-Max-Age", "600");
        }
        return headers;
    }

    static boolean isLocal(String origin) {
        try {
            URI uri = URI.create(origin);
            return uri.getHost() != null && LOCAL_HOSTS.contains(uri.getHost())
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

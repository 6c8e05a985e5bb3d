package com.omnis.local.template;

import java.util.Locale;
import java.util.Optional;

/**
 * An HttpApi event of a function: the route key API Gateway puts in the event.
 *
 * @param method {@code GET}, {@code POST}… or {@code ANY}
 * @param path a path template ({@code /carts/{cartId}/items}, {@code /files/{proxy+}}) or {@code $default}
 * @param authorizer the JWT authorizer guarding the route, empty for {@code Authorizer: NONE}
 */
public record HttpRoute(String functionId, String eventName, String method, String path, Optional<String> authorizer) {

    public static final String DEFAULT_ROUTE = "$default";

    public HttpRoute {
        method = method.toUpperCase(Locale.ROOT);
    }

    /** {@code "POST /carts/{cartId}/items"}, or {@code "$default"} for the catch-all route. */
    public String routeKey() {
        return isDefault() ? DEFAULT_ROUTE : method + " " + path;
    }

    public boolean isDefault() {
        return DEFAULT_ROUTE.equals(path);
    }

    public boolean requiresToken() {
        return authorizer.isPresent();
    }
}

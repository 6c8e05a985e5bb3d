package com.omnis.local.http;

import com.omnis.local.template.HttpRoute;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a request to a template route as API Gateway HTTP APIs do: the most specific path wins
 * (literal segments over {@code {param}}, over a greedy {@code {proxy+}}), a route's own method over
 * {@code ANY}, and {@code $default} catches what nothing else does.
 */
public final class RouteTable {

    private final List<HttpRoute> routes;

    public RouteTable(List<HttpRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    /** A route and the path parameters its template bound. */
    public record Match(HttpRoute route, Map<String, String> pathParameters) {
    }

    public Optional<Match> match(String method, String path) {
        String[] segments = split(path);
        Optional<Match> best = routes.stream()
                .filter(route -> !route.isDefault())
                .filter(route -> route.method().equals("ANY") || route.method().equals(method))
                .flatMap(route -> bind(route, segments).map(params -> new Match(route, params)).stream())
                .max(Comparator.comparingInt(RouteTable::specificity));
        if (best.isPresent()) {
            return best;
        }
        return routes.stream().filter(HttpRoute::isDefault).findFirst().map(route -> new Match(route, Map.of()));
    }

    private static Optional<Map<String, String>> bind(HttpRoute route, String[] segments) {
        String[] template = split(route.path());
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i >= segments.length) {
                    return Optional.empty();
                }
                params.put(part.substring(1, part.length() - 2), String.join("/", List.of(segments).subList(i, segments.length)));
                return Optional.of(params);
            }
            if (i >= segments.length) {
                return Optional.empty();
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                if (segments[i].isEmpty()) {
                    return Optional.empty();
                }
                params.put(part.substring(1, part.length() - 1), segments[i]);
            } else if (!part.equals(segments[i])) {
                return Optional.empty();
            }
        }
        return template.length == segments.length ? Optional.of(params) : Optional.empty();
    }

    private static int specificity(Match match) {
        String[] template = split(match.route().path());
        int score = 0;
        for (String part : template) {
            score = score * 4 + (part.endsWith("+}") ? 0 : part.startsWith("{") ? 1 : 2);
        }
        return score * 2 + (match.route().method().equals("ANY") ? 0 : 1);
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}

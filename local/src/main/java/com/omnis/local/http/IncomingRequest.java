package com.omnis.local.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * An HTTP request as it reached the local runtime, before it becomes an API Gateway event.
 *
 * @param rawPath the path as sent, still percent-encoded
 * @param rawQuery the query string as sent, without {@code ?}; empty when none
 * @param headers header name (lower case) → values in the order received
 */
public record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                              byte[] body, String sourceIp) {

    public IncomingRequest {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
        headers = lower;
        rawQuery = rawQuery == null ? "" : rawQuery;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values));
    }
}

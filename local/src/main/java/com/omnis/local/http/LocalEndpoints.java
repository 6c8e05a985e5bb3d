package com.omnis.local.http;

import java.util.Optional;

/**
 * The runtime's own endpoints under {@code /_local/} (summary, tokens, events, schedules, outbox).
 * They answer JSON (or a page, {@link Html}, where a person reads the answer); a {@link com.omnis.shared.error.DomainException} or {@link com.omnis.shared.http.ProblemException} thrown here becomes a problem document.
 */
@FunctionalInterface
public interface LocalEndpoints {

    String PREFIX = "/_local";

    /** The answer, or empty when no local endpoint has this path. */
    Optional<Reply> handle(IncomingRequest request);

    record Reply(int status, Object body) {
        public static Reply ok(Object body) {
            return new Reply(200, body);
        }
    }

    /** A body that is a page for a person rather than JSON ({@code GET /_local/outbox} to a browser). */
    record Html(String page) {
    }
}

package com.omnis.shared.error;

import java.time.Duration;
import java.util.List;

/**
 * The one answer when retries ran out: conditional writes kept losing races, or DynamoDB kept
 * throttling. Nothing was changed; the same request can be sent again after {@link #retryAfter()}.
 * It is a 503 with {@code Retry-After}, not a 409, because the caller's request was right and only
 * the moment was wrong (a 409 tells a client to change its request; see docs/architecture.md).
 */
public final class ContentionException extends DomainException {

    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    public ContentionException(String detail) {
        super("contention", "Too much contention", detail, List.of());
    }

    public Duration retryAfter() {
        return RETRY_AFTER;
    }
}

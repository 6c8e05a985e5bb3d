package com.omnis.shared.error;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The request is valid but conflicts with the current state (a stale version, not enough stock,
 * a cart already checked out). {@code current} is what the caller needs to decide again, or null.
 * {@code retryAfter}, when present, says the conflict passes by itself (a request with the same
 * idempotency key still running): the answer carries {@code Retry-After}.
 */
public final class ConflictException extends DomainException {

    private final transient Object current;
    private final Duration retryAfter;

    public ConflictException(String code, String title, String detail, Object current) {
        this(code, title, detail, current, null);
    }

    public ConflictException(String code, String title, String detail, Object current, Duration retryAfter) {
        super(code, title, detail, List.of());
        this.current = current;
        this.retryAfter = retryAfter;
    }

    public Object current() {
        return current;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

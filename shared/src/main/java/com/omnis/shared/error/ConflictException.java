package com.omnis.shared.error;

import java.util.List;

/**
 * The request is valid but conflicts with the current state (a stale version, not enough stock,
 * a cart already checked out). {@code current} is what the caller needs to decide again, or null.
 */
public final class ConflictException extends DomainException {

    private final transient Object current;

    public ConflictException(String code, String title, String detail, Object current) {
        super(code, title, detail, List.of());
        this.current = current;
    }

    public Object current() {
        return current;
    }
}

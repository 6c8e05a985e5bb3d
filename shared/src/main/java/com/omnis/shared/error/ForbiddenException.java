package com.omnis.shared.error;

import java.util.List;

/** The caller is known but may not do this (a shopper moving stock, staff of another store). */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(String detail) {
        super("forbidden", "Forbidden", detail, List.of());
    }
}

package com.omnis.shared.error;

import java.util.List;

/** The operation needs an identity and the caller has none (or a token that is not valid). */
public final class UnauthenticatedException extends DomainException {

    public UnauthenticatedException(String detail) {
        super("unauthorized", "Unauthorized", detail, List.of());
    }
}

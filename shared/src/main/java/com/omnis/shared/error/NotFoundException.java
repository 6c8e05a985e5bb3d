package com.omnis.shared.error;

import java.util.List;

/** The thing asked for does not exist, or the caller may not know that it does (then it answers the same). */
public final class NotFoundException extends DomainException {

    public NotFoundException(String detail) {
        super("not-found", "Not found", detail, List.of());
    }
}

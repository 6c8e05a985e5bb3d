package com.omnis.shared.http;

import java.util.ArrayList;
import java.util.List;

/** Collects every invalid field of an input, so the client learns all of them in one 400 rather than one per try. */
public final class Violations {

    private final List<FieldError> errors = new ArrayList<>();

    public Violations add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    /** Records {@code message} against {@code field} when {@code failed}; returns whether the value was fine. */
    public boolean check(boolean failed, String field, String message) {
        if (failed) {
            add(field, message);
        }
        return !failed;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws the 400 invalid-input problem listing every violation, if there is any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(List.copyOf(errors));
        }
    }
}

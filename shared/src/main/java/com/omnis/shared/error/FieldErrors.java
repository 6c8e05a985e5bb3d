package com.omnis.shared.error;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one way to collect invalid inputs: parse each raw value into its domain value, recording what
 * is wrong under the field's name ({@code path sku}, {@code lines[2].quantity}), then
 * {@link #throwIfAny()} answers every error in one 400 rather than one per try.
 *
 * <p>Domain values validate in their constructor and throw {@link IllegalArgumentException} with a
 * message that states the rule; that message is what the caller reads.
 */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
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

    /**
     * {@code parser} applied to {@code raw}, or null (with the error recorded) when the value breaks
     * its rule; a null {@code raw} is recorded as "is required".
     */
    public <R, T> T parse(String field, R raw, Function<R, T> parser) {
        if (raw == null) {
            add(field, "is required");
            return null;
        }
        return parseOptional(field, raw, parser);
    }

    /** As {@link #parse}, but a null {@code raw} is allowed and gives null. */
    public <R, T> T parseOptional(String field, R raw, Function<R, T> parser) {
        if (raw == null) {
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            add(field, e.getMessage());
            return null;
        }
    }

    /** Adds the errors of a nested part under {@code prefix} ({@code lines[2]}). */
    public FieldErrors addAll(String prefix, List<FieldError> nested) {
        nested.forEach(e -> add(prefix + "." + e.field(), e.message()));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    /** Throws the invalid-input outcome listing every error, if there is any. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(List.copyOf(errors));
        }
    }
}

package com.omnis.customers.domain;

import java.util.Objects;

/** What a merge patch ({@code PATCH}, RFC 7396) does to one field: leave it, set it, or clear it ({@code null}). */
public sealed interface Edit<T> {

    record Keep<T>() implements Edit<T> {
    }

    record Set<T>(T value) implements Edit<T> {
        public Set {
            Objects.requireNonNull(value, "value");
        }
    }

    record Clear<T>() implements Edit<T> {
    }

    static <T> Edit<T> keep() {
        return new Keep<>();
    }

    static <T> Edit<T> set(T value) {
        return new Set<>(value);
    }

    static <T> Edit<T> clear() {
        return new Clear<>();
    }

    /** The field's value after the edit. */
    default T applyTo(T current) {
        return switch (this) {
            case Keep<T> ignored -> current;
            case Set<T> set -> set.value();
            case Clear<T> ignored -> null;
        };
    }
}

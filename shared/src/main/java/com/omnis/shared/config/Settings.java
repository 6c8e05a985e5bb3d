package com.omnis.shared.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place a function reads its configuration (table names, bus name, endpoint, region).
 *
 * <p>In Lambda the values come from the process environment that {@code template.yaml} sets. The
 * local runtime hosts every function in one JVM, so it feeds each function its own values by
 * building the handler inside {@link #withOverrides}: handlers read their settings in their
 * constructor, never per request.
 */
public final class Settings {

    private static final ThreadLocal<Map<String, String>> OVERRIDES = new ThreadLocal<>();

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    /** The settings of the function being built on this thread. */
    public static Settings current() {
        Map<String, String> overrides = OVERRIDES.get();
        return new Settings(overrides != null ? overrides : System.getenv());
    }

    /** Settings from an explicit map, for tests. */
    public static Settings of(Map<String, String> values) {
        return new Settings(Map.copyOf(values));
    }

    /** Runs {@code factory} (typically a handler's no-argument constructor) with these values as its settings. */
    public static <T> T withOverrides(Map<String, String> values, Supplier<T> factory) {
        Map<String, String> previous = OVERRIDES.get();
        OVERRIDES.set(Map.copyOf(values));
        try {
            return factory.get();
        } finally {
            if (previous == null) {
                OVERRIDES.remove();
            } else {
                OVERRIDES.set(previous);
            }
        }
    }

    public Optional<String> find(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("missing setting " + name));
    }

    public String get(String name, String fallback) {
        return find(name).orElse(fallback);
    }

    public Map<String, String> asMap() {
        return values;
    }
}

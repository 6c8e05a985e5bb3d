package com.omnis.shared.config;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
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

    private record Overrides(Map<String, String> values, Consumer<String> onRead, Clock clock) {
    }

    private static final Consumer<String> IGNORE_READS = name -> { };
    private static final ThreadLocal<Overrides> OVERRIDES = new ThreadLocal<>();

    private final Map<String, String> values;
    private final Consumer<String> onRead;
    private final Clock clock;

    private Settings(Map<String, String> values, Consumer<String> onRead, Clock clock) {
        this.values = values;
        this.onRead = onRead;
        this.clock = clock;
    }

    /** The settings of the function being built on this thread. */
    public static Settings current() {
        Overrides overrides = OVERRIDES.get();
        return overrides != null ? new Settings(overrides.values(), overrides.onRead(), overrides.clock())
                : new Settings(System.getenv(), IGNORE_READS, Clock.systemUTC());
    }

    /** Settings from an explicit map, for tests. */
    public static Settings of(Map<String, String> values) {
        return new Settings(Map.copyOf(values), IGNORE_READS, Clock.systemUTC());
    }

    /** Runs {@code factory} (typically a handler's no-argument constructor) with these values as its settings. */
    public static <T> T withOverrides(Map<String, String> values, Supplier<T> factory) {
        return withOverrides(values, IGNORE_READS, factory);
    }

    /** As {@link #withOverrides(Map, Supplier)}, telling {@code onRead} each setting name the function asks for. */
    public static <T> T withOverrides(Map<String, String> values, Consumer<String> onRead, Supplier<T> factory) {
        return withOverrides(values, onRead, Clock.systemUTC(), factory);
    }

    /** As {@link #withOverrides(Map, Consumer, Supplier)}, with the clock the function must read (the local runtime's movable one). */
    public static <T> T withOverrides(Map<String, String> values, Consumer<String> onRead, Clock clock, Supplier<T> factory) {
        Overrides previous = OVERRIDES.get();
        OVERRIDES.set(new Overrides(Map.copyOf(values), onRead, clock));
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

    /**
     * The one clock a function reads: the system's in Lambda, the local runtime's movable one there
     * ({@code POST /_local/clock}), so expiries and schedules can be seen without waiting.
     */
    public Clock clock() {
        return clock;
    }

    public Optional<String> find(String name) {
        onRead.accept(name);
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public String require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("missing setting " + name));
    }

    public String get(String name, String fallback) {
        return find(name).orElse(fallback);
    }
}

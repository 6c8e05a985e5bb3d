package com.omnis.shared.metrics;

/**
 * Business and health counts a function reports (carts opened, holds refused, 5xx answered).
 * Services take this port; the handler boundary flushes it as CloudWatch EMF through Powertools.
 * Names are UpperCamelCase ({@code HoldsPlaced}); the function's service name is the dimension.
 */
public interface Metrics {

    /** Adds {@code value} to the count {@code name} for the invocation under way. */
    void count(String name, long value);

    default void count(String name) {
        count(name, 1);
    }

    /**
     * The metrics of the function being built, named by its {@code POWERTOOLS_SERVICE_NAME} and
     * flushed as EMF at its handler boundary ({@link EmfMetrics}); none when the settings name no
     * {@code POWERTOOLS_METRICS_NAMESPACE} (unit tests).
     */
    static Metrics forFunction(com.omnis.shared.config.Settings settings) {
        return EmfMetrics.of(settings);
    }

    /** Counts nothing: for tests that do not look at metrics. */
    Metrics NONE = (name, value) -> { };
}

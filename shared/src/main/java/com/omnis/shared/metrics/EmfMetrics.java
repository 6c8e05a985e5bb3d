package com.omnis.shared.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.omnis.shared.config.Settings;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.cloudwatchlogs.emf.environment.Environment;
import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.model.MetricsContext;
import software.amazon.cloudwatchlogs.emf.sinks.ISink;
import software.amazon.lambda.powertools.metrics.internal.EmfMetricsLogger;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;
import software.amazon.lambda.powertools.metrics.provider.EmfMetricsProvider;
import software.amazon.lambda.powertools.metrics.provider.MetricsProvider;

/**
 * A function's counts as CloudWatch EMF documents, written by Powertools for AWS Lambda (Java) v2
 * ({@code powertools-metrics}, functional API, no weaving): namespace from
 * {@code POWERTOOLS_METRICS_NAMESPACE} (Globals), dimension {@code Service} = the function's
 * {@code POWERTOOLS_SERVICE_NAME}, both read through {@link Settings}.
 *
 * <p>Why not {@code MetricsFactory}/{@code MetricsBuilder}: they configure ONE {@code Metrics} per
 * JVM from {@code System.getenv} and keep an invocation's state keyed by X-Ray trace id (a single
 * {@code DEFAULT} entry without tracing). The local runtime hosts every function in one JVM and serves
 * requests concurrently: with the singleton every function would report under one service name and
 * concurrent invocations would flush each other's counts. So each function has its own instance of
 * this class; an invocation's counts are kept per thread (an invocation runs on one thread: Lambda
 * runs one at a time per container, the local runtime one per HTTP or event thread); and the handler
 * boundary ({@link #flushedAfter}) writes them through a fresh Powertools {@code Metrics} from its
 * {@link MetricsProvider}, which is what the factory does per trace id. The EMF document itself is
 * Powertools' and the EMF library's, not ours.
 */
public final class EmfMetrics implements Metrics {

    public static final String NAMESPACE = "POWERTOOLS_METRICS_NAMESPACE";
    public static final String SERVICE = "POWERTOOLS_SERVICE_NAME";
    /** Powertools' name for the service dimension ({@code MetricsBuilder.withService}): alarms select on it. */
    public static final String SERVICE_DIMENSION = "Service";

    private static final Logger LOG = LoggerFactory.getLogger(EmfMetrics.class);
    /** The counts of the invocation under way on this thread, per function (normally one). */
    private static final ThreadLocal<Map<EmfMetrics, Map<String, Long>>> OPEN = new ThreadLocal<>();
    /** Where the functions built on this thread write their documents, when not to standard output. */
    private static final ThreadLocal<Consumer<String>> REDIRECT = new ThreadLocal<>();

    private final String namespace;
    private final Optional<String> service;
    private final MetricsProvider provider;

    EmfMetrics(String namespace, Optional<String> service, MetricsProvider provider) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.service = service;
        this.provider = provider;
    }

    /** See {@link Metrics#forFunction}: no namespace configured (unit tests) means no metrics. */
    static Metrics of(Settings settings) {
        Optional<String> namespace = settings.find(NAMESPACE);
        if (namespace.isEmpty()) {
            return Metrics.NONE;
        }
        return new EmfMetrics(namespace.get(), settings.find(SERVICE), provider());
    }

    /**
     * Runs {@code factory} (a handler's no-argument constructor) so that the metrics it builds write
     * each EMF document (one JSON line) to {@code documents}: the local runtime collects them for
     * {@code /_local/metrics}, tests read them. As {@link Settings#withOverrides}, it holds for what is
     * built on this thread while {@code factory} runs.
     */
    public static <T> T writingTo(Consumer<String> documents, Supplier<T> factory) {
        Consumer<String> previous = REDIRECT.get();
        REDIRECT.set(documents);
        try {
            return factory.get();
        } finally {
            if (previous == null) {
                REDIRECT.remove();
            } else {
                REDIRECT.set(previous);
            }
        }
    }

    /**
     * The handler boundary: runs one invocation, then writes what it counted as one EMF document per
     * function. Nested calls (an invocation inside another on the same thread) leave it to the outer one.
     */
    public static <T> T flushedAfter(Supplier<T> invocation) {
        if (OPEN.get() != null) {
            return invocation.get();
        }
        Map<EmfMetrics, Map<String, Long>> counts = new LinkedHashMap<>();
        OPEN.set(counts);
        try {
            return invocation.get();
        } finally {
            OPEN.remove();
            counts.forEach(EmfMetrics::write);
        }
    }

    @Override
    public void count(String name, long value) {
        Map<EmfMetrics, Map<String, Long>> open = OPEN.get();
        if (open == null) {
            // outside an invocation (a cold start, a background thread): its own document at once
            write(Map.of(name, value));
            return;
        }
        open.computeIfAbsent(this, function -> new LinkedHashMap<>()).merge(name, value, Long::sum);
    }

    private void write(Map<String, Long> counts) {
        try {
            software.amazon.lambda.powertools.metrics.Metrics emf = provider.getMetricsInstance();
            emf.setNamespace(namespace);
            service.ifPresent(name -> emf.setDefaultDimensions(DimensionSet.of(SERVICE_DIMENSION, name)));
            counts.forEach((name, value) -> emf.addMetric(name, value, MetricUnit.COUNT));
            emf.flush();
        } catch (RuntimeException e) {
            // a metric must never turn an answered request into a failed one
            LOG.error("could not write metrics {} of {}", counts.keySet(), service.orElse(namespace), e);
        }
    }

    private static MetricsProvider provider() {
        Consumer<String> redirect = REDIRECT.get();
        if (redirect != null) {
            return writer(redirect);
        }
        // the process environment on purpose: it is what the EMF library probes to pick its Lambda
        // environment (standard output); the local runtime gives functions this name in their settings only
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null) {
            return new EmfMetricsProvider();
        }
        // anywhere else the EMF library would probe for ECS, EC2 and a CloudWatch agent: write the lines instead
        return writer(System.out::println);
    }

    private static MetricsProvider writer(Consumer<String> documents) {
        Environment environment = new LineEnvironment(documents);
        EnvironmentProvider environments = new EnvironmentProvider() {
            @Override
            public CompletableFuture<Environment> resolveEnvironment() {
                return CompletableFuture.completedFuture(environment);
            }

            @Override
            public Environment getDefaultEnvironment() {
                return environment;
            }
        };
        // the same logger EmfMetricsProvider builds, on an environment that hands each document over
        return () -> new EmfMetricsLogger(environments, new MetricsContext());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmfMetrics that && namespace.equals(that.namespace) && service.equals(that.service);
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespace, service);
    }

    /** An EMF environment whose sink passes each serialised document to a consumer. */
    private record LineEnvironment(Consumer<String> documents) implements Environment, ISink {
        @Override
        public boolean probe() {
            return true;
        }

        @Override
        public String getName() {
            return "local";
        }

        @Override
        public String getType() {
            return "local";
        }

        @Override
        public String getLogGroupName() {
            return "local";
        }

        @Override
        public void configureContext(MetricsContext context) {
        }

        @Override
        public ISink getSink() {
            return this;
        }

        @Override
        public void accept(MetricsContext context) {
            try {
                context.serialize().forEach(documents);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public CompletableFuture<Void> shutdown() {
            return CompletableFuture.completedFuture(null);
        }
    }
}

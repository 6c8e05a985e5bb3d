package com.omnis.shared.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.omnis.shared.config.Settings;
import com.omnis.shared.metrics.EmfMetrics;
import com.omnis.shared.metrics.Metrics;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The boundary of one Lambda invocation, the same for every handler: Powertools' structured logging
 * (functional API) with the function's own service name, then its metrics flushed once as EMF.
 *
 * <p>Powertools logging puts {@code POWERTOOLS_SERVICE_NAME} from the process environment in the
 * logging context; the local runtime runs every function in one JVM whose environment has none, so
 * the boundary puts the name read through {@link Settings} in that same context key ({@code service},
 * read by Powertools' log4j layout), after Powertools did: each function's lines carry its own name.
 */
public final class Invocation {

    /** Powertools' logging context key for the service ({@code PowertoolsLoggedFields.SERVICE}). */
    static final String SERVICE_KEY = "service";
    /** Powertools' logging context key for the correlation id ({@code PowertoolsLoggedFields.CORRELATION_ID}). */
    static final String CORRELATION_ID_KEY = "correlation_id";

    private final Optional<String> service;
    private final Metrics metrics;

    public Invocation(Optional<String> service, Metrics metrics) {
        this.service = service;
        this.metrics = metrics;
    }

    /** The boundary of the function being built: its service name and {@link Metrics#forFunction} metrics. */
    public static Invocation of(Settings settings) {
        return new Invocation(settings.find(EmfMetrics.SERVICE), Metrics.forFunction(settings));
    }

    /** The function's metrics: what the boundary flushes. Services may count on it too. */
    public Metrics metrics() {
        return metrics;
    }

    /**
     * Runs {@code body} as one invocation with {@code correlationId}, which the handler reads from its typed event
     * (API Gateway's request id, an EventBridge event's id). Not Powertools' {@code correlationIdPath}: that turns
     * the whole event into a JSON tree and compiles a JMESPath expression on every call, and loads JMESPath in a
     * cold start.
     */
    public <T> T runWithCorrelationId(Context context, String correlationId, Supplier<T> body) {
        return PowertoolsLogging.withLogging(context, () -> {
            if (correlationId != null && !correlationId.isEmpty()) {
                MDC.put(CORRELATION_ID_KEY, correlationId);
            }
            return inside(body);
        });
    }

    /** Runs {@code body} as one invocation without a correlation id. */
    public <T> T run(Context context, Supplier<T> body) {
        return PowertoolsLogging.withLogging(context, () -> inside(body));
    }

    private <T> T inside(Supplier<T> body) {
        service.ifPresent(name -> MDC.put(SERVICE_KEY, name));
        return EmfMetrics.flushedAfter(body);
    }
}

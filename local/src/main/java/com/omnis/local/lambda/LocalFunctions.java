package com.omnis.local.lambda;

import com.omnis.local.template.FunctionSpec;
import com.omnis.local.template.SamTemplate;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Every function of the template, built once at start as Lambda's cold start would. A function
 * whose class is not on the classpath (its module not built yet) is reported and left out; the
 * rest of the backend still runs.
 */
public final class LocalFunctions {

    private final Map<String, LocalFunction> functions;
    private final Map<String, String> failures;

    private LocalFunctions(Map<String, LocalFunction> functions, Map<String, String> failures) {
        this.functions = Collections.unmodifiableMap(functions);
        this.failures = Collections.unmodifiableMap(failures);
    }

    /** Builds the functions in parallel, each with {@code environmentFor.apply(functionId)} as its settings. */
    public static LocalFunctions load(SamTemplate template, Function<String, Map<String, String>> environmentFor) {
        return load(template, environmentFor, Clock.systemUTC(), new LocalMetrics());
    }

    /** As {@link #load(SamTemplate, Function)}, every function reading {@code clock} and writing its metrics to {@code metrics}. */
    public static LocalFunctions load(SamTemplate template, Function<String, Map<String, String>> environmentFor,
                                      Clock clock, LocalMetrics metrics) {
        List<FunctionSpec> specs = template.functions();
        Map<String, LocalFunction> loaded = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        int threads = Math.max(1, Math.min(specs.size(), Runtime.getRuntime().availableProcessors()));
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            Map<String, Future<LocalFunction>> pending = new LinkedHashMap<>();
            for (FunctionSpec spec : specs) {
                pending.put(spec.logicalId(), pool.submit(() -> LocalFunction.load(spec, environmentFor.apply(spec.logicalId()),
                        clock, metrics::accept)));
            }
            pending.forEach((id, future) -> {
                try {
                    loaded.put(id, future.get());
                } catch (ExecutionException e) {
                    failures.put(id, e.getCause() instanceof FunctionLoadException ? e.getCause().getMessage()
                            : id + ": " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.put(id, id + ": interrupted while starting");
                }
            });
        }
        return new LocalFunctions(loaded, failures);
    }

    public Optional<LocalFunction> get(String functionId) {
        return Optional.ofNullable(functions.get(functionId));
    }

    public Map<String, LocalFunction> loaded() {
        return functions;
    }

    /** Function id → why it could not be built. */
    public Map<String, String> failures() {
        return failures;
    }

    /** Invokes a function; fails with {@link FunctionUnavailableException} if it could not be built. */
    public Object invoke(String functionId, LambdaEvent event) {
        LocalFunction function = functions.get(functionId);
        if (function == null) {
            throw new FunctionUnavailableException(functionId, failures.getOrDefault(functionId, "no such function"));
        }
        return function.invoke(event);
    }

    /** The function an event or route points at is not running locally. */
    public static final class FunctionUnavailableException extends RuntimeException {
        private final String functionId;

        public FunctionUnavailableException(String functionId, String reason) {
            super(reason, null, false, false);
            this.functionId = functionId;
        }

        public String functionId() {
            return functionId;
        }
    }
}

package com.omnis.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.omnis.local.template.FunctionSpec;
import com.omnis.shared.config.Settings;
import com.omnis.shared.metrics.EmfMetrics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.slf4j.MDC;

/**
 * One function of the template, built the way Lambda builds it: the handler class named in the
 * template, its no-argument constructor run with the function's own environment (through
 * {@link Settings#withOverrides}), then its handler method called with the event in the type it declares.
 * Every function of the runtime reads the runtime's one clock, writes its metrics to the runtime
 * (not to standard output) and logs under its own service name.
 */
public final class LocalFunction {

    static final ObjectMapper WIRE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Powertools' logging context key of the service name. */
    private static final String SERVICE_KEY = "service";

    private final FunctionSpec spec;
    private final Map<String, String> environment;
    private final Clock clock;
    private final Object handler;
    private final Method method;

    private LocalFunction(FunctionSpec spec, Map<String, String> environment, Clock clock, Object handler, Method method) {
        this.spec = spec;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.handler = handler;
        this.method = method;
    }

    /** Loads the handler class and runs its constructor, as a Lambda cold start would. */
    public static LocalFunction load(FunctionSpec spec, Map<String, String> environment) {
        return load(spec, environment, Clock.systemUTC(), (function, document) -> System.out.println(document));
    }

    /**
     * As {@link #load(FunctionSpec, Map)}, the function reading {@code clock} and handing each EMF
     * document it writes to {@code metrics} with its id.
     */
    public static LocalFunction load(FunctionSpec spec, Map<String, String> environment, Clock clock,
                                     BiConsumer<String, String> metrics) {
        Class<?> type;
        try {
            type = Class.forName(spec.handlerClass(), true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new FunctionLoadException(spec.logicalId() + ": " + spec.handlerClass() + " is not on the classpath", e);
        }
        Method method = handlerMethod(spec, type);
        Object handler = asFunction(spec, environment, clock, () -> EmfMetrics.writingTo(
                document -> metrics.accept(spec.logicalId(), document), () -> construct(spec, type)));
        return new LocalFunction(spec, environment, clock, handler, method);
    }

    private static Object construct(FunctionSpec spec, Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new FunctionLoadException(spec.logicalId() + ": " + type.getName() + " has no public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new FunctionLoadException(spec.logicalId() + ": the constructor of " + type.getName() + " failed: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new FunctionLoadException(spec.logicalId() + ": cannot build " + type.getName(), e);
        }
    }

    /** The method Lambda would call: by name, most specific first (so a generic bridge method is never chosen). */
    private static Method handlerMethod(FunctionSpec spec, Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(spec.handlerMethod()) && !m.isBridge() && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() >= 1 && m.getParameterCount() <= 3)
                .min(Comparator.comparing((Method m) -> m.getParameterTypes()[0] == Object.class))
                .orElseThrow(() -> new FunctionLoadException(spec.logicalId() + ": " + type.getName() + " has no method "
                        + spec.handlerMethod() + "(event[, context])", null));
    }

    public FunctionSpec spec() {
        return spec;
    }

    public String id() {
        return spec.logicalId();
    }

    public Map<String, String> environment() {
        return environment;
    }

    /**
     * Invokes the handler with this event. Returns what the handler returned, or for a stream handler
     * the JSON it wrote, read as a map or list. The handler's exception is thrown as it is.
     */
    public Object invoke(LambdaEvent event) {
        return invoke(event, UUID.randomUUID().toString());
    }

    public Object invoke(LambdaEvent event, String requestId) {
        Context context = new LocalContext(spec, requestId);
        return asFunction(spec, environment, clock, () -> call(event, context));
    }

    /** Runs {@code action} with the function's settings and clock, its lines logged under its service name. */
    private static <T> T asFunction(FunctionSpec spec, Map<String, String> environment, Clock clock,
                                    java.util.function.Supplier<T> action) {
        String service = environment.get(EmfMetrics.SERVICE);
        String previous = MDC.get(SERVICE_KEY);
        if (service != null) {
            MDC.put(SERVICE_KEY, service);
        }
        try {
            return Settings.withOverrides(environment, name -> { }, clock, action);
        } finally {
            if (previous == null) {
                MDC.remove(SERVICE_KEY);
            } else {
                MDC.put(SERVICE_KEY, previous);
            }
        }
    }

    private Object call(LambdaEvent event, Context context) {
        Class<?>[] parameters = method.getParameterTypes();
        try {
            if (parameters[0] == InputStream.class) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                method.invoke(handler, new ByteArrayInputStream(WIRE.writeValueAsBytes(event.wire().get())), out, context);
                return out.size() == 0 ? null : WIRE.readValue(out.toByteArray(), Object.class);
            }
            Object argument = argument(event, parameters[0]);
            Object[] arguments = parameters.length == 1 ? new Object[] {argument} : new Object[] {argument, context};
            return method.invoke(handler, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new FunctionFailedException(spec.logicalId() + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new FunctionLoadException(spec.logicalId() + ": cannot call " + method, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event as the handler's parameter type: the typed event, the wire JSON, or the JSON bound to its own type. */
    static Object argument(LambdaEvent event, Class<?> type) {
        if (event.typed() != null && type.isInstance(event.typed())) {
            return event.typed();
        }
        Object wire = event.wire().get();
        if (type.isInstance(wire)) {
            return wire;
        }
        try {
            if (type == String.class) {
                return WIRE.writeValueAsString(wire);
            }
            return WIRE.convertValue(wire, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new FunctionFailedException("cannot pass the event as " + type.getName(), e);
        }
    }

    /** A handler failed with a checked exception or its event could not be bound. */
    public static final class FunctionFailedException extends RuntimeException {
        public FunctionFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

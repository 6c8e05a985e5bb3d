package com.omnis.local;

import com.omnis.local.aws.LocalAwsServer;
import com.omnis.local.aws.LocalOutbox;
import com.omnis.local.aws.SesV2Service;
import com.omnis.local.aws.SnsService;
import com.omnis.local.events.DeliveryLog;
import com.omnis.local.events.LocalEventBus;
import com.omnis.local.aws.LocalQueues;
import com.omnis.local.events.PutEventsService;
import com.omnis.local.events.ScheduleRunner;
import com.omnis.local.events.StreamPoller;
import com.omnis.local.http.GatewayServer;
import com.omnis.local.http.HttpGateway;
import com.omnis.local.http.JwtAuthorizer;
import com.omnis.local.http.RouteTable;
import com.omnis.local.lambda.LocalFunctions;
import com.omnis.local.lambda.LocalMetrics;
import com.omnis.local.template.SamTemplate;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The whole backend on one machine, driven by {@code template.yaml}: DynamoDB Local with the
 * template's tables, every function built as Lambda builds it, the HTTP API with its JWT
 * authorizer on {@code http://localhost:3000}, EventBridge rules, schedules and stream sources.
 * Functions reach DynamoDB and EventBridge through {@code AWS_ENDPOINT_URL}, the local AWS endpoint.
 */
public final class LocalRuntime implements AutoCloseable {

    private final List<AutoCloseable> resources;
    private final SamTemplate template;
    private final EmbeddedDynamo dynamo;
    private final LocalFunctions functions;
    private final LocalEventBus bus;
    private final ScheduleRunner schedules;
    private final StreamPoller streams;
    private final DeliveryLog deliveries;
    private final LocalOutbox outbox;
    private final LocalClock clock;
    private final LocalMetrics metrics;
    private final int port;

    private LocalRuntime(Builder built) {
        this.resources = built.resources;
        this.template = built.template;
        this.dynamo = built.dynamo;
        this.functions = built.functions;
        this.bus = built.bus;
        this.schedules = built.schedules;
        this.streams = built.streams;
        this.deliveries = built.deliveries;
        this.outbox = built.outbox;
        this.clock = built.clock;
        this.metrics = built.metrics;
        this.port = built.port;
    }

    public static void main(String[] args) {
        RuntimeOptions options;
        try {
            options = RuntimeOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().equals("help")) {
                System.err.println("dev: " + e.getMessage());
            }
            System.err.println(RuntimeOptions.USAGE);
            System.exit(e.getMessage().equals("help") ? 0 : 2);
            return;
        }
        try {
            LocalRuntime runtime = start(options, System.out);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                runtime.close();
                System.out.println("Stopped.");
            }, "local-runtime-stop"));
        } catch (PortInUseException e) {
            System.err.println("Port " + e.port + " is already in use: stop what listens there, or run ./scripts/dev --port "
                    + (e.port + 1));
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("The local runtime could not start: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Starts everything and returns once the HTTP API answers; {@link #close()} stops it all. */
    public static LocalRuntime start(RuntimeOptions options, PrintStream console) {
        Builder builder = new Builder(options, console);
        try {
            builder.build();
            return new LocalRuntime(builder);
        } catch (RuntimeException e) {
            builder.closeAll();
            throw e;
        }
    }

    /** The API's base URL, on the loopback address. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public SamTemplate template() {
        return template;
    }

    public EmbeddedDynamo dynamo() {
        return dynamo;
    }

    public LocalFunctions functions() {
        return functions;
    }

    public LocalEventBus bus() {
        return bus;
    }

    public ScheduleRunner schedules() {
        return schedules;
    }

    public StreamPoller streams() {
        return streams;
    }

    public DeliveryLog deliveries() {
        return deliveries;
    }

    public LocalOutbox outbox() {
        return outbox;
    }

    /** The one clock every function, the bus and the schedules read ({@code POST /_local/clock} moves it). */
    public LocalClock clock() {
        return clock;
    }

    /** What the functions counted ({@code GET /_local/metrics}). */
    public LocalMetrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        Builder.closeInReverse(resources);
    }

    /** Thrown when the HTTP port is taken: the runtime says so in one line. */
    public static final class PortInUseException extends RuntimeException {
        private final int port;

        PortInUseException(int port, Throwable cause) {
            super("port " + port + " is already in use", cause);
            this.port = port;
        }

        public int port() {
            return port;
        }
    }

    /** The start sequence, step by step, remembering what to stop if a later step fails. */
    private static final class Builder {
        private final RuntimeOptions options;
        private final PrintStream console;
        /** As many requests at once as the JDK server's 32 threads served, plus Jetty's acceptor and selector. */
        private static final int HTTP_THREADS = 34;
        private final LocalClock clock = LocalClock.system();
        private final LocalMetrics metrics = new LocalMetrics();
        private final List<AutoCloseable> resources = new ArrayList<>();
        private SamTemplate template;
        private EmbeddedDynamo dynamo;
        private LocalFunctions functions;
        private LocalEventBus bus;
        private ScheduleRunner schedules;
        private StreamPoller streams;
        private final DeliveryLog deliveries = new DeliveryLog();
        private final LocalOutbox outbox = new LocalOutbox();
        private int port;

        Builder(RuntimeOptions options, PrintStream console) {
            this.options = options;
            this.console = console;
        }

        void build() {
            console.println("Omnis local runtime");
            GatewayServer server = bind(options.port());
            resources.add(server);
            port = server.port();

            // DynamoDB Local starts in the background while the template is read and the functions are built
            LocalAwsServer awsServer = EmbeddedDynamo.startServer(options.dataDir());
            resources.add(awsServer);
            template = step("template", () -> SamTemplate.load(options.template()),
                    t -> options.template().getFileName() + ": " + t.tables().size() + " tables, " + t.functions().size()
                            + " functions, " + t.routes().size() + " routes");
            dynamo = EmbeddedDynamo.on(awsServer, template);
            resources.add(dynamo);
            functions = step("functions", () -> LocalFunctions.load(template, dynamo::environmentFor, clock, metrics),
                    f -> f.loaded().size() + " of " + template.functions().size() + " started");
            functions.failures().values().forEach(reason -> console.println("  ! " + reason
                    + " (its routes answer 503; build its module)"));
            step("dynamodb", () -> {
                dynamo.createTables();
                return dynamo;
            }, d -> (options.dataDir().map(dir -> "on disk in " + dir).orElse("in memory")) + " at " + d.endpoint()
                    + ", " + d.createdTables().size() + " tables created");
            if (options.seed()) {
                step("seed", () -> new DemoData(template, dynamo.enhancedClient(),
                        dynamo.createdTables(), clock).load(), loaded -> loaded.isEmpty()
                        ? "nothing to load: the tables were kept from " + options.dataDir().map(Object::toString).orElse("before")
                        : String.join(", ", loaded));
            }

            ExecutorService eventPool = Executors.newFixedThreadPool(4, daemon("local-events"));
            resources.add(eventPool::shutdownNow);
            bus = new LocalEventBus(template.eventRules(), declaredBuses(template), functions::invoke, eventPool,
                    deliveries, clock);
            dynamo.server().serve(new PutEventsService(bus, clock));
            dynamo.server().serve(new SesV2Service(outbox, clock));
            dynamo.server().serve(new SnsService(outbox, clock));
            LocalQueues queues = new LocalQueues(clock);
            dynamo.server().serve(queues);
            schedules = new ScheduleRunner(template.schedules(), functions::invoke, deliveries, clock);
            resources.add(schedules);
            streams = new StreamPoller(template.streamSources(), dynamo.client(), dynamo.streamsClient(), functions::invoke,
                    deliveries, clock);
            resources.add(streams);
            List<String> warnings = new ArrayList<>(template.warnings());
            warnings.addAll(bus.warnings());
            warnings.addAll(schedules.warnings());
            warnings.addAll(streams.warnings());
            console.printf("  %-10s %d rules on %s, %d schedules, %d stream sources%n", "events",
                    template.eventRules().size(), bus.buses(), schedules.schedules().size(), template.streamSources().size());
            warnings.forEach(warning -> console.println("  ! " + warning));

            Map<String, Object> endpoints = new LinkedHashMap<>();
            endpoints.put("api", "http://localhost:" + port);
            endpoints.put("aws", dynamo.endpoint().toString());
            LocalAdmin admin = new LocalAdmin(template, functions, bus, schedules, deliveries, outbox, endpoints, clock,
                    metrics);
            admin.showQueues(queues);
            HttpGateway gateway = new HttpGateway(new RouteTable(template.routes()), template.authorizers(),
                    JwtAuthorizer.forDevTokens(), functions, admin, clock,
                    options.requestLog() ? line -> console.println("  " + line) : line -> { });
            server.start(gateway);
            schedules.start();
            streams.start(options.streamPollInterval());

            long sinceLaunch = Duration.between(ProcessHandle.current().info().startInstant().orElse(Instant.now()),
                    Instant.now()).toMillis();
            console.printf("Ready in %d ms on http://localhost:%d%n", sinceLaunch, port);
            console.printf("  try:  curl -s http://localhost:%d/products%n", port);
            console.printf("        curl -s -H \"Authorization: Bearer $(./scripts/dev-token --sub customer-1 --groups customer)\""
                    + " http://localhost:%d/me/cart%n", port);
            console.printf("        curl -s http://localhost:%d/_local   (what runs; also /_local/events, /_local/outbox, /_local/metrics, /_local/clock)%n", port);
            console.println("  Ctrl-C to stop");
        }

        private <T> T step(String label, Supplier<T> action, Function<T, String> describe) {
            long start = System.nanoTime();
            T result = action.get();
            console.printf("  %-10s %s [%d ms]%n", label, describe.apply(result), (System.nanoTime() - start) / 1_000_000);
            return result;
        }

        private static GatewayServer bind(int port) {
            try {
                return GatewayServer.bind(port, HTTP_THREADS);
            } catch (BindException e) {
                throw new PortInUseException(port, e);
            }
        }

        private static Set<String> declaredBuses(SamTemplate template) {
            Set<String> buses = new LinkedHashSet<>();
            template.resourceTypes().forEach((id, type) -> {
                if (type.equals("AWS::Events::EventBus")) {
                    buses.add(template.localName(id));
                }
            });
            return buses;
        }

        private static ThreadFactory daemon(String name) {
            AtomicInteger count = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }

        void closeAll() {
            closeInReverse(resources);
        }

        static void closeInReverse(List<AutoCloseable> resources) {
            for (int i = resources.size() - 1; i >= 0; i--) {
                try {
                    resources.get(i).close();
                } catch (Exception e) {
                    // stopping is best effort: keep stopping the rest
                }
            }
        }
    }
}

package com.omnis.local.aws;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

/**
 * The local AWS endpoint: DynamoDB Local (Amazon's emulator, in this JVM) behind a Jetty server
 * bound to loopback on a free port, with room for other local services ({@link LocalAwsService})
 * on the same URL, as LocalStack serves every service on one port.
 *
 * <p>We assemble the server from DynamoDB Local's own request handler rather than calling
 * {@code ServerRunner}, because its server listens on every interface and sends telemetry.
 */
public final class LocalAwsServer implements AutoCloseable {

    public static final String SQLITE_PROPERTY = "sqlite4java.library.path";

    private final Server jetty;
    private final URI endpoint;
    private final List<LocalAwsService> services;

    private LocalAwsServer(Server jetty, URI endpoint, List<LocalAwsService> services) {
        this.jetty = jetty;
        this.endpoint = endpoint;
        this.services = services;
    }

    /**
     * Starts DynamoDB Local on 127.0.0.1.
     *
     * @param port 0 for a free port
     * @param dataDir where to keep the tables on disk; empty to keep them in memory
     * @param sharedDb one database for every access key; without it each access key has its own
     *                 (tests use that to give each test class its own tables)
     */
    public static LocalAwsServer start(int port, Optional<Path> dataDir, boolean sharedDb) {
        ensureSqliteLibrary();
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("local-aws");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty, 1, 1);
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        jetty.addConnector(connector);
        try {
            if (dataDir.isPresent()) {
                Files.createDirectories(dataDir.get());
            }
            var dynamo = new LocalDynamoDBServerHandler(new LocalDynamoDBRequestHandler(0, dataDir.isEmpty(),
                    dataDir.map(dir -> dir.toAbsolutePath().toString()).orElse(null), sharedDb, false), null);
            List<LocalAwsService> services = new CopyOnWriteArrayList<>();
            jetty.setHandler(new Dispatcher(dynamo, services));
            jetty.start();
            URI endpoint = URI.create("http://" + connector.getHost() + ":" + connector.getLocalPort());
            return new LocalAwsServer(jetty, endpoint, services);
        } catch (Exception e) {
            stopQuietly(jetty);
            throw new IllegalStateException("DynamoDB Local did not start: " + e.getMessage(), e);
        }
    }

    /** The URL functions get as {@code AWS_ENDPOINT_URL}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Serves another local AWS service on this endpoint; the first service that accepts a request answers it. */
    public void serve(LocalAwsService service) {
        services.add(service);
    }

    public void remove(LocalAwsService service) {
        services.remove(service);
    }

    @Override
    public void close() {
        stopQuietly(jetty);
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping is best effort: the JVM is usually on its way out
        }
    }

    /** DynamoDB Local loads SQLite through sqlite4java: find its native library or say how to provide it. */
    private static void ensureSqliteLibrary() {
        String configured = System.getProperty(SQLITE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return;
        }
        for (String candidate : List.of("target/native-libs", "local/target/native-libs", "../local/target/native-libs")) {
            Path dir = Path.of(candidate).toAbsolutePath().normalize();
            if (Files.isDirectory(dir)) {
                System.setProperty(SQLITE_PROPERTY, dir.toString());
                return;
            }
        }
        throw new IllegalStateException("DynamoDB Local needs sqlite4java's native library: run with -D" + SQLITE_PROPERTY
                + "=<dir> (the build copies it to target/native-libs)");
    }

    /** Sends each request to the first local service that accepts it, and everything else to DynamoDB Local. */
    private static final class Dispatcher extends Handler.Wrapper {

        private final List<LocalAwsService> services;

        Dispatcher(Handler dynamo, List<LocalAwsService> services) {
            super(dynamo);
            this.services = services;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (services.isEmpty() || isDynamoDb(request)) {
                return super.handle(request, response, callback);
            }
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            AwsRequest awsRequest = new AwsRequest(request.getMethod(), Request.getPathInContext(request),
                    Optional.ofNullable(request.getHeaders().get("X-Amz-Target")),
                    Optional.ofNullable(request.getHeaders().get(HttpHeader.CONTENT_TYPE)).orElse(""), body);
            for (LocalAwsService service : services) {
                if (service.accepts(awsRequest)) {
                    AwsReply reply;
                    try {
                        reply = service.handle(awsRequest);
                    } catch (RuntimeException e) {
                        reply = AwsReply.error(500, "InternalException", "the local service failed");
                    }
                    response.setStatus(reply.status());
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
                    Content.Sink.write(response, true, reply.body(), callback);
                    return true;
                }
            }
            Response.writeError(request, response, callback, 400, "no local AWS service answers this request");
            return true;
        }

        private boolean isDynamoDb(Request request) {
            String target = request.getHeaders().get("X-Amz-Target");
            return target != null && target.startsWith("DynamoDB");
        }
    }
}

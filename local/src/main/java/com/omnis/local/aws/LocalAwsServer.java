package com.omnis.local.aws;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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

    private final Server jetty;
    private final URI endpoint;
    private final List<LocalAwsService> services;
    private final CompletableFuture<Void> ready;

    private LocalAwsServer(Server jetty, URI endpoint, List<LocalAwsService> services, CompletableFuture<Void> ready) {
        this.jetty = jetty;
        this.endpoint = endpoint;
        this.services = services;
        this.ready = ready;
    }

    /**
     * Starts DynamoDB Local on 127.0.0.1. The port is bound before this returns, so the endpoint is
     * known at once; DynamoDB Local itself finishes starting in the background (clients' first
     * requests wait for it) while the caller loads its own classes: see {@link #awaitReady()}.
     *
     * @param port 0 for a free port
     * @param dataDir where to keep the tables on disk; empty to keep them in memory
     * @param sharedDb one database for every access key; without it each access key has its own
     *                 (tests use that to give each test class its own tables)
     */
    public static LocalAwsServer start(int port, Optional<Path> dataDir, boolean sharedDb) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("local-aws");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty, 1, 1);
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        jetty.addConnector(connector);
        try {
            connector.open();
        } catch (IOException e) {
            throw new IllegalStateException("DynamoDB Local cannot listen on port " + port + ": " + e.getMessage(), e);
        }
        List<LocalAwsService> services = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
            try {
                if (dataDir.isPresent()) {
                    Files.createDirectories(dataDir.get());
                }
                var dynamo = new LocalDynamoDBServerHandler(new LocalDynamoDBRequestHandler(0, dataDir.isEmpty(),
                        dataDir.map(dir -> dir.toAbsolutePath().toString()).orElse(null), sharedDb, false), null);
                jetty.setHandler(new Dispatcher(dynamo, services));
                jetty.start();
            } catch (Exception e) {
                stopQuietly(jetty);
                throw new IllegalStateException("DynamoDB Local did not start: " + e.getMessage(), e);
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "local-aws-start");
            thread.setDaemon(true);
            thread.start();
        });
        URI endpoint = URI.create("http://" + connector.getHost() + ":" + connector.getLocalPort());
        return new LocalAwsServer(jetty, endpoint, services, ready);
    }

    /** Waits until DynamoDB Local answers requests; throws what stopped it from starting. */
    public void awaitReady() {
        try {
            ready.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
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

    @Override
    public void close() {
        ready.exceptionally(e -> null).join();
        stopQuietly(jetty);
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping is best effort: the JVM is usually on its way out
        }
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
                    reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
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

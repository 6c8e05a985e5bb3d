package com.omnis.local.http;

import com.omnis.shared.http.ApiResponse;
import com.omnis.shared.http.Problem;
import com.omnis.shared.json.Json;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP server of the local API, on loopback: Jetty (already in the runtime for DynamoDB Local)
 * rather than the JDK's server, because the JDK's answers a request it cannot parse (a query such as
 * {@code ?cursor=%%%} that is not a valid URI, an illegal header) with its own {@code text/html} page
 * before any handler runs. Here every answer, a malformed request's too, is a problem document.
 */
public final class GatewayServer implements AutoCloseable {

    private final Server jetty;
    private final ServerConnector connector;

    private GatewayServer(Server jetty, ServerConnector connector) {
        this.jetty = jetty;
        this.connector = connector;
    }

    /** Listens on {@code port} (0 for a free one) at once, so the port is known; {@link #start} serves. */
    public static GatewayServer bind(int port, int threads) throws BindException {
        QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(4, threads));
        pool.setName("local-http");
        pool.setDaemon(true);
        Server jetty = new Server(pool);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        jetty.addConnector(connector);
        jetty.setErrorHandler(new ProblemErrorHandler());
        try {
            connector.open();
        } catch (BindException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port + ": " + e.getMessage(), e);
        }
        return new GatewayServer(jetty, connector);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public void start(HttpGateway gateway) {
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                HttpExchanges exchange = new HttpExchanges(request, response);
                try {
                    gateway.handle(exchange);
                    callback.succeeded();
                } catch (Throwable e) {
                    callback.failed(e);
                }
                return true;
            }
        });
        try {
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("the local API could not start: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        connector.close();
    }

    /** What Jetty answers for a request it could not parse or route: the functions' problem+json. */
    static final class ProblemErrorHandler extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) {
            int status = code >= 400 ? code : 400;
            String detail = status < 500
                    ? "the request is malformed (request line, percent-encoding or a header): nothing was done"
                    : "the local runtime failed; see its log";
            Problem problem = new Problem(Problem.TYPE_BASE + (status < 500 ? "malformed-request" : "internal-error"),
                    status < 500 ? "Malformed request" : "Internal error", status, detail, List.of(), null);
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiResponse.PROBLEM_JSON);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(Json.write(problem).getBytes(StandardCharsets.UTF_8)), callback);
        }
    }
}

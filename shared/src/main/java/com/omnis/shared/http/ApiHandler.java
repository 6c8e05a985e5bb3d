package com.omnis.shared.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.omnis.shared.config.Settings;
import com.omnis.shared.lambda.Invocation;
import com.omnis.shared.lambda.Priming;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Lambda boundary of every HTTP function: structured logging with the request id as
 * correlation id (Powertools' functional API, no weaving), then the function's {@link Router};
 * every 5xx answer is counted as {@value #HTTP_5XX}. {@code Router} turns an unexpected exception
 * into a normal 500 response, so Lambda's own {@code Errors} metric never sees it: this count does.
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public static final String HTTP_5XX = "Http5xx";

    private final Router router;
    private final Invocation invocation;
    private Priming priming;

    /** With the boundary of the function being built ({@code Settings.current()}). */
    protected ApiHandler(Router router) {
        this(router, Invocation.of(Settings.current()));
    }

    protected ApiHandler(Router router, Invocation invocation) {
        this.router = router;
        this.invocation = invocation;
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        // API Gateway's request id: what Powertools' API_GATEWAY_HTTP correlation path finds, read without reflection
        String requestId = event.getRequestContext() == null ? null : event.getRequestContext().getRequestId();
        return invocation.runWithCorrelationId(context, requestId, () -> {
            APIGatewayV2HTTPResponse response;
            try {
                response = router.handle(event);
            } catch (RuntimeException | Error e) {
                invocation.metrics().count(HTTP_5XX);
                throw e;
            }
            if (response.getStatusCode() >= 500) {
                invocation.metrics().count(HTTP_5XX);
            }
            return response;
        });
    }

    public Router router() {
        return router;
    }

    /** A read that changes nothing, sent through the router before the snapshot, and the status it must answer. */
    public record PrimingRequest(APIGatewayV2HTTPEvent harmless, int expectedStatus) {
    }

    /**
     * For a Lambda constructor: before SnapStart's snapshot, send each of {@code requests} through the
     * router, which loads their routes, the SDK clients they read with and the JSON mapping of their
     * answers. A step fails, and is logged, unless its answer has its expected status: a 5xx would mean
     * DynamoDB was not reached.
     */
    protected final void primeBeforeCheckpoint(PrimingRequest... requests) {
        priming = Priming.registered(java.util.Arrays.stream(requests).<Runnable>map(request -> () -> {
            int status = router.handle(request.harmless()).getStatusCode();
            if (status != request.expectedStatus()) {
                throw new IllegalStateException("priming request " + request.harmless().getRouteKey() + " answered " + status);
            }
        }).toList());
    }

    /** A GET as API Gateway would pass it, without headers, body or caller: what priming sends. */
    protected static APIGatewayV2HTTPEvent harmlessGet(String routeKey, String rawPath, Map<String, String> pathParameters) {
        return harmlessGet(routeKey, rawPath, pathParameters, Map.of());
    }

    /** The same with a query string. */
    protected static APIGatewayV2HTTPEvent harmlessGet(String routeKey, String rawPath, Map<String, String> pathParameters,
                                                       Map<String, String> query) {
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withRawPath(rawPath)
                .withRawQueryString(String.join("&", query.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).sorted().toList()))
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters)
                .withHeaders(Map.of())
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("priming")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(rawPath)
                                .build())
                        .build())
                .build();
    }

    /** The priming registered by the Lambda constructor, if any. */
    public Optional<Priming> priming() {
        return Optional.ofNullable(priming);
    }
}

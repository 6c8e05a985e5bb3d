package com.omnis.shared.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.omnis.shared.config.Settings;
import com.omnis.shared.lambda.Invocation;
import software.amazon.lambda.powertools.logging.CorrelationIdPaths;

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
        return invocation.run(context, CorrelationIdPaths.API_GATEWAY_HTTP, event, () -> {
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
}

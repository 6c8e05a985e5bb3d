package com.omnis.shared.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import software.amazon.lambda.powertools.logging.CorrelationIdPaths;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * The Lambda boundary of every HTTP function: structured logging with the request id as
 * correlation id (Powertools' functional API, no weaving), then the function's {@link Router}.
 */
public abstract class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Router router;

    protected ApiHandler(Router router) {
        this.router = router;
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, CorrelationIdPaths.API_GATEWAY_HTTP, event,
                () -> router.handle(event));
    }

    public Router router() {
        return router;
    }
}

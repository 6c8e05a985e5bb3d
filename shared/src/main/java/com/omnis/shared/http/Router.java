package com.omnis.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches on the HTTP API's {@code routeKey} ({@code "POST /carts/{cartId}/items"}) and is the
 * one error mapper: a {@link ProblemException} becomes its problem document, anything else a 500
 * that leaks nothing but the request id.
 */
public final class Router {

    /** One route's code: from the request to a response. */
    @FunctionalInterface
    public interface Route {
        APIGatewayV2HTTPResponse handle(ApiRequest request);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final TokenVerifier verifier;

    public Router() {
        this(TokenVerifier.NONE);
    }

    /** A router whose routes open to guests also accept a bearer token, checked by {@code verifier}. */
    public Router(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    public Router on(String routeKey, Route route) {
        if (routes.putIfAbsent(routeKey, route) != null) {
            throw new IllegalStateException("route declared twice: " + routeKey);
        }
        return this;
    }

    /** The route keys this router answers: a test checks them against template.yaml and openapi.yaml. */
    public Set<String> routeKeys() {
        return routes.keySet();
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        Route route = routes.get(event.getRouteKey());
        if (route == null) {
            return ApiResponse.problem(ProblemException.notFound("no route " + event.getRouteKey()).problem());
        }
        String requestId = event.getRequestContext() == null ? "-" : event.getRequestContext().getRequestId();
        try {
            return route.handle(new ApiRequest(event, verifier));
        } catch (ProblemException e) {
            Problem problem = e.problem();
            if (problem.status() >= 500) {
                LOG.error("request {} failed: {}", requestId, problem.type());
            } else {
                LOG.info("request {} rejected: {} {}", requestId, problem.status(), problem.type());
            }
            return ApiResponse.problem(problem);
        } catch (RuntimeException e) {
            LOG.error("request {} failed on {}", requestId, event.getRouteKey(), e);
            return ApiResponse.problem(new Problem(Problem.TYPE_BASE + "internal-error", "Internal error", 500,
                    "the request could not be completed; quote request id " + requestId, List.of(), null));
        }
    }
}

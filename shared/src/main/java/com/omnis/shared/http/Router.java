package com.omnis.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.error.ContentionException;
import com.omnis.shared.error.DomainException;
import com.omnis.shared.error.ForbiddenException;
import com.omnis.shared.error.InvalidInputException;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.error.RuleViolationException;
import com.omnis.shared.error.UnauthenticatedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches on the HTTP API's {@code routeKey} ({@code "POST /carts/{cartId}/items"}) and is the
 * one error mapper: a {@link DomainException} becomes the problem document of its kind (see
 * {@link #problemOf}), an edge-only {@link ProblemException} (malformed body, too large) its own,
 * anything else a 500 that leaks nothing but the request id.
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
            return ApiResponse.problem(problemOf(new NotFoundException("no route " + event.getRouteKey())));
        }
        String requestId = event.getRequestContext() == null ? "-" : event.getRequestContext().getRequestId();
        try {
            return route.handle(new ApiRequest(event, verifier));
        } catch (DomainException e) {
            Problem problem = problemOf(e);
            log(requestId, problem);
            return retryAfter(e).map(wait -> ApiResponse.problem(problem,
                            Map.of("Retry-After", Long.toString(Math.max(1, wait.toSeconds())))))
                    .orElseGet(() -> ApiResponse.problem(problem));
        } catch (ProblemException e) {
            Problem problem = e.problem();
            log(requestId, problem);
            return ApiResponse.problem(problem);
        } catch (RuntimeException e) {
            LOG.error("request {} failed on {}", requestId, event.getRouteKey(), e);
            return ApiResponse.problem(new Problem(Problem.TYPE_BASE + "internal-error", "Internal error", 500,
                    "the request could not be completed; quote request id " + requestId, List.of(), null));
        }
    }

    /** The problem document of a domain outcome: the one mapping from the domain's errors to HTTP. */
    public static Problem problemOf(DomainException e) {
        int status = switch (e) {
            case InvalidInputException ignored -> 400;
            case UnauthenticatedException ignored -> 401;
            case ForbiddenException ignored -> 403;
            case NotFoundException ignored -> 404;
            case ConflictException ignored -> 409;
            case RuleViolationException ignored -> 422;
            case ContentionException ignored -> 503;
        };
        Object current = e instanceof ConflictException conflict ? conflict.current() : null;
        return new Problem(Problem.TYPE_BASE + e.code(), e.title(), status, e.detail(), e.errors(), current);
    }

    /** When the same request may succeed by itself later: contention, or an idempotent twin still running. */
    private static java.util.Optional<java.time.Duration> retryAfter(DomainException e) {
        return switch (e) {
            case ContentionException busy -> java.util.Optional.of(busy.retryAfter());
            case ConflictException conflict -> conflict.retryAfter();
            default -> java.util.Optional.empty();
        };
    }

    private static void log(String requestId, Problem problem) {
        if (problem.status() >= 500) {
            LOG.error("request {} failed: {}", requestId, problem.type());
        } else {
            LOG.info("request {} rejected: {} {}", requestId, problem.status(), problem.type());
        }
    }
}

package com.omnis.carts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.omnis.local.auth.DevTokens;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A sample event of {@code events/api/}, with the cart, token, headers or body a test needs swapped in. */
final class SampleEvent {

    private static final Path EVENTS = Path.of(System.getProperty("omnis.repo.root", "../.."), "events", "api");

    private final APIGatewayV2HTTPEvent event;

    private SampleEvent(APIGatewayV2HTTPEvent event) {
        this.event = event;
        event.setHeaders(new HashMap<>(event.getHeaders()));
        event.setPathParameters(event.getPathParameters() == null ? new HashMap<>() : new HashMap<>(event.getPathParameters()));
    }

    static SampleEvent of(String name) {
        return new SampleEvent(EventLoader.loadApiGatewayHttpEvent(EVENTS.resolve(name + ".json").toString()));
    }

    /** Points the event at {@code cartId}, opened with {@code token} (null: no token at all). */
    SampleEvent cart(String cartId, String token) {
        event.getPathParameters().put("cartId", cartId);
        return token == null ? without("x-cart-token") : header("x-cart-token", token);
    }

    SampleEvent path(String name, String value) {
        event.getPathParameters().put(name, value);
        return this;
    }

    SampleEvent header(String name, String value) {
        event.getHeaders().put(name, value);
        return this;
    }

    SampleEvent without(String header) {
        event.getHeaders().remove(header);
        return this;
    }

    SampleEvent body(String body) {
        event.setBody(body);
        return this;
    }

    /** A customer signed in through the HTTP API authorizer: its claims in the request context. */
    SampleEvent claimsOf(String subject) {
        event.getRequestContext().getAuthorizer().getJwt().setClaims(new HashMap<>(Map.of(
                "sub", subject, "cognito:groups", "[customer]", "iss", DevTokens.ISSUER, "aud", DevTokens.AUDIENCE)));
        return this;
    }

    /** A caller in {@code groups} (e.g. {@code "[agent]"}), signed in through the HTTP API authorizer. */
    SampleEvent claims(String subject, String groups) {
        event.getRequestContext().getAuthorizer().getJwt().setClaims(new HashMap<>(Map.of(
                "sub", subject, "cognito:groups", groups, "iss", DevTokens.ISSUER, "aud", DevTokens.AUDIENCE)));
        return this;
    }

    /** No claims and no bearer token: an anonymous caller. */
    SampleEvent anonymous() {
        event.getRequestContext().getAuthorizer().getJwt().setClaims(new HashMap<>());
        return without("authorization");
    }

    APIGatewayV2HTTPEvent event() {
        return event;
    }
}

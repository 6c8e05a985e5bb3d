package com.omnis.orders;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.omnis.orders.domain.FulfilmentState;
import com.omnis.orders.domain.OrderNumber;
import com.omnis.orders.service.CheckoutService;
import com.omnis.orders.service.FulfilmentEntry;
import com.omnis.orders.service.OrderView;
import com.omnis.orders.service.PaymentService;
import com.omnis.shared.domain.LocationId;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.error.FieldErrors;
import com.omnis.shared.error.InvalidInputException;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.http.ApiRequest;
import com.omnis.shared.http.ApiResponse;
import com.omnis.shared.http.Router;
import com.omnis.shared.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The HTTP routes of the orders function: parse into values, call a service, shape the answer. */
final class OrdersApi {

    static final String CART_TOKEN = "X-Cart-Token";

    private final Orders orders;

    private OrdersApi(Orders orders) {
        this.orders = orders;
    }

    static Router router(Orders orders, com.omnis.shared.http.TokenVerifier verifier) {
        OrdersApi api = new OrdersApi(orders);
        return new Router(verifier)
                .on("POST /orders", api::checkout)
                .on("GET /orders", api::byNumber)
                .on("GET /orders/{orderId}", api::get)
                .on("GET /me/orders", api::mine)
                .on("POST /orders/{orderId}/fulfilments/{fulfilmentId}/events", api::fulfilmentEvent)
                .on("GET /locations/{locationId}/fulfilments", api::locationFulfilments)
                .on("POST /orders/{orderId}/delivery-confirmation", api::confirmDelivery)
                .on("POST /orders/{orderId}/cancel", api::cancel)
                .on("POST /orders/{orderId}/returns", api::requestReturn)
                .on("POST /returns/{returnId}/receive", api::receiveReturn)
                .on("POST /webhooks/payments", api::paymentWebhook);
    }

    record OrdersPage(List<OrderView> items, String nextCursor) {
    }

    record FulfilmentsPage(String locationId, List<FulfilmentEntry> items, String nextCursor) {
    }

    private APIGatewayV2HTTPResponse checkout(ApiRequest request) {
        String key = request.header("Idempotency-Key").orElseThrow(() -> InvalidInputException.of("header Idempotency-Key",
                "is required: a unique value per checkout, reused only to retry it"));
        if (!key.matches("[A-Za-z0-9._:-]{8,128}")) {
            throw InvalidInputException.of("header Idempotency-Key", "is 8 to 128 characters of letters, digits and . _ : -");
        }
        var channel = request.channel();
        var checkout = OrdersRequests.checkout(request.body(OrdersRequests.CheckoutBody.class));
        var outcome = orders.checkout().checkout(request.caller(), cartToken(request), channel, checkout, key,
                CheckoutService.fingerprint(request.rawBody()), request.requestId());
        return switch (outcome) {
            case CheckoutService.Outcome.Placed placed ->
                    ApiResponse.created(placed.order(), "/orders/" + placed.order().orderId());
            case CheckoutService.Outcome.Replayed replayed -> replay(replayed.response());
            case CheckoutService.Outcome.InProgress ignored -> ApiResponse.problem(Router.problemOf(new ConflictException(
                    "idempotency-in-progress", "Checkout in progress",
                    "a checkout with this Idempotency-Key is still running; retry in a moment for its answer", null)),
                    Map.of("Retry-After", "1"));
        };
    }

    private static APIGatewayV2HTTPResponse replay(String response) {
        OrderView view = Json.read(response, OrderView.class);
        return ApiResponse.json(201, view, Map.of("Location", "/orders/" + view.orderId(), "Idempotent-Replayed", "true"));
    }

    private APIGatewayV2HTTPResponse get(ApiRequest request) {
        return ApiResponse.ok(orders.orders().get(request.caller(), cartToken(request), orderId(request)));
    }

    private APIGatewayV2HTTPResponse mine(ApiRequest request) {
        int limit = request.queryInt("limit", 1, 100).orElse(20);
        Page<OrderView> page = orders.orders().mine(request.caller(), limit, request.query("cursor"));
        return ApiResponse.ok(new OrdersPage(page.items(), page.nextCursor()));
    }

    private APIGatewayV2HTTPResponse byNumber(ApiRequest request) {
        FieldErrors errors = new FieldErrors();
        OrderNumber number = errors.parse("query number", request.query("number").orElse(null), OrderNumber::parse);
        errors.throwIfAny();
        return ApiResponse.ok(new OrdersPage(List.of(orders.orders().byNumber(request.caller(), number)), null));
    }

    private APIGatewayV2HTTPResponse fulfilmentEvent(ApiRequest request) {
        String orderId = orderId(request);
        String fulfilmentId = request.pathParam("fulfilmentId");
        if (!fulfilmentId.matches("f[0-9]{1,3}")) {
            throw new NotFoundException("no fulfilment " + fulfilmentId);
        }
        var body = request.body(OrdersRequests.EventBody.class);
        FulfilmentState to = OrdersRequests.eventType(body);
        return ApiResponse.ok(orders.orders().moveFulfilment(request.caller(), orderId, fulfilmentId, to, body.carrier(),
                body.trackingNumber(), request.requestId()));
    }

    private APIGatewayV2HTTPResponse locationFulfilments(ApiRequest request) {
        FieldErrors errors = new FieldErrors();
        LocationId location = errors.parse("path locationId", request.pathParam("locationId"), LocationId::of);
        FulfilmentState state = errors.parseOptional("query status", request.query("status").orElse(null), FulfilmentState::parse);
        errors.throwIfAny();
        int limit = request.queryInt("limit", 1, 100).orElse(50);
        Page<FulfilmentEntry> page = orders.orders().fulfilmentsAt(request.caller(), location.value(),
                Optional.ofNullable(state), limit, request.query("cursor"));
        return ApiResponse.ok(new FulfilmentsPage(location.value(), page.items(), page.nextCursor()));
    }

    private APIGatewayV2HTTPResponse confirmDelivery(ApiRequest request) {
        var body = request.body(OrdersRequests.ConfirmationBody.class);
        FieldErrors errors = new FieldErrors();
        errors.check(body.received() == null, "received", "is required: true or false");
        errors.check(body.comment() != null && body.comment().length() > 1000, "comment", "is at most 1000 characters");
        errors.throwIfAny();
        return ApiResponse.ok(orders.orders().confirmDelivery(request.caller(), cartToken(request), request.query("token"),
                orderId(request), body.received(), body.comment(), request.requestId()));
    }

    private APIGatewayV2HTTPResponse cancel(ApiRequest request) {
        String reason = request.rawBody() == null || request.rawBody().isBlank() ? null
                : request.body(OrdersRequests.CancelBody.class).reason();
        if (reason != null && (reason.isBlank() || reason.length() > 200)) {
            throw InvalidInputException.of("reason", "is 1 to 200 characters");
        }
        return ApiResponse.ok(orders.orders().cancel(request.caller(), cartToken(request), orderId(request), reason,
                request.requestId()));
    }

    private APIGatewayV2HTTPResponse requestReturn(ApiRequest request) {
        String orderId = orderId(request);
        var body = request.body(OrdersRequests.ReturnBody.class);
        var units = OrdersRequests.returnRequest(body);
        OrderView order = orders.orders().requestReturn(request.caller(), cartToken(request), orderId, units, body.reason(),
                request.requestId());
        String returnId = order.returns().getLast().returnId();
        return ApiResponse.created(order, "/returns/" + returnId);
    }

    private APIGatewayV2HTTPResponse receiveReturn(ApiRequest request) {
        String returnId = request.pathParam("returnId");
        if (!returnId.matches("ret-[a-f0-9-]{36}")) {
            throw new NotFoundException("no return " + returnId);
        }
        var body = request.body(OrdersRequests.ReceiveBody.class);
        var received = OrdersRequests.received(body);
        return ApiResponse.ok(orders.orders().receiveReturn(request.caller(), returnId, body.locationId(), received,
                request.requestId()));
    }

    private APIGatewayV2HTTPResponse paymentWebhook(ApiRequest request) {
        String raw = request.rawBody() == null ? "" : request.rawBody();
        orders.payments().verify(request.header("Payment-Timestamp").orElse(null), raw,
                request.header("Payment-Signature").orElse(null));
        var event = OrdersRequests.webhook(request.body(OrdersRequests.WebhookBody.class));
        PaymentService.Outcome outcome = orders.payments().apply(event, request.requestId());
        return ApiResponse.json(outcome.result().equals("pending") ? 202 : 200, outcome, Map.of());
    }

    private static Optional<String> cartToken(ApiRequest request) {
        return request.header(CART_TOKEN);
    }

    private static String orderId(ApiRequest request) {
        String raw = request.pathParam("orderId");
        if (!raw.matches("ord-[a-f0-9-]{36}")) {
            throw new NotFoundException("no order " + raw);
        }
        return raw;
    }
}

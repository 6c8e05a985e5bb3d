package com.omnis.carts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.service.AgentCarts;
import com.omnis.carts.service.CartService;
import com.omnis.carts.service.CartView;
import com.omnis.carts.service.Mutation;
import com.omnis.carts.service.Shopper;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.http.ApiRequest;
import com.omnis.shared.http.ApiResponse;
import com.omnis.shared.http.Router;
import com.omnis.shared.http.TokenVerifier;
import java.util.Map;

/** The HTTP routes of the carts function: parse into values ({@link CartsRequests}), ask the service, answer the cart with its {@code ETag}. */
final class CartsApi {

    private final CartService service;
    private final AgentCarts agents;

    private CartsApi(CartService service, AgentCarts agents) {
        this.service = service;
        this.agents = agents;
    }

    static Router router(CartService service, AgentCarts agents, TokenVerifier verifier) {
        CartsApi api = new CartsApi(service, agents);
        return new Router(verifier)
                .on("POST /carts", api::open)
                .on("GET /carts/{cartId}", api::get)
                .on("POST /carts/{cartId}/items", api::addItem)
                .on("PATCH /carts/{cartId}/items/{sku}", api::changeQuantity)
                .on("DELETE /carts/{cartId}/items/{sku}", api::removeItem)
                .on("POST /carts/{cartId}/promo-codes", api::addPromoCode)
                .on("DELETE /carts/{cartId}/promo-codes/{code}", api::removePromoCode)
                .on("GET /me/cart", api::myCart)
                .on("POST /me/cart/merge", api::merge)
                // a call-centre agent on a customer's behalf (group agent only; docs/acting-on-behalf.md)
                .on("GET /customers/{customerId}/cart", api::customerCart)
                .on("POST /customers/{customerId}/cart/items", api::agentAddItem)
                .on("PATCH /customers/{customerId}/cart/items/{sku}", api::agentChangeQuantity)
                .on("DELETE /customers/{customerId}/cart/items/{sku}", api::agentRemoveItem)
                .on("POST /customers/{customerId}/cart/send", api::sendToCustomer);
    }

    private APIGatewayV2HTTPResponse open(ApiRequest request) {
        CartService.Opened opened = service.open(CartsRequests.shopper(request), request.channel());
        CartView cart = opened.cart();
        return opened.created()
                ? ApiResponse.json(201, cart, Map.of("Location", "/carts/" + cart.id(), "ETag", cart.etag()))
                : cartResponse(cart);
    }

    private APIGatewayV2HTTPResponse get(ApiRequest request) {
        // a read needs no channel, but a wrong one is still bad input
        request.channelOr(Channel.WEB);
        return cartResponse(service.get(cartId(request), CartsRequests.shopper(request)));
    }

    private APIGatewayV2HTTPResponse addItem(ApiRequest request) {
        Mutation mutation = CartsRequests.mutation(request);
        var item = CartsRequests.addItem(request.body(CartsRequests.AddItemBody.class));
        return cartResponse(service.addItem(cartId(request), mutation, item.sku(), item.quantity()));
    }

    private APIGatewayV2HTTPResponse changeQuantity(ApiRequest request) {
        Mutation mutation = CartsRequests.mutation(request);
        var change = CartsRequests.changeQuantity(request.pathParam("sku"),
                request.body(CartsRequests.QuantityBody.class));
        return cartResponse(service.changeQuantity(cartId(request), mutation, change.sku(), change.quantity()));
    }

    private APIGatewayV2HTTPResponse removeItem(ApiRequest request) {
        Mutation mutation = CartsRequests.mutation(request);
        return cartResponse(service.removeItem(cartId(request), mutation, CartsRequests.pathSku(request.pathParam("sku"))));
    }

    private APIGatewayV2HTTPResponse addPromoCode(ApiRequest request) {
        Mutation mutation = CartsRequests.mutation(request);
        var code = CartsRequests.code(request.body(CartsRequests.PromoCodeBody.class));
        return cartResponse(service.addPromoCode(cartId(request), mutation, code));
    }

    private APIGatewayV2HTTPResponse removePromoCode(ApiRequest request) {
        Mutation mutation = CartsRequests.mutation(request);
        return cartResponse(service.removePromoCode(cartId(request), mutation,
                CartsRequests.pathCode(request.pathParam("code"))));
    }

    private APIGatewayV2HTTPResponse myCart(ApiRequest request) {
        return cartResponse(service.myCart(request.caller()));
    }

    private APIGatewayV2HTTPResponse merge(ApiRequest request) {
        Mutation mutation = CartsRequests.mutation(request);
        var merge = CartsRequests.merge(request.body(CartsRequests.MergeBody.class));
        return cartResponse(service.merge(mutation, merge.guestCartId(), merge.token()));
    }

    private APIGatewayV2HTTPResponse customerCart(ApiRequest request) {
        Shopper agent = CartsRequests.agentFor(request);
        return cartResponse(agents.cart(agent));
    }

    private APIGatewayV2HTTPResponse agentAddItem(ApiRequest request) {
        Mutation mutation = CartsRequests.agentMutation(request);
        var item = CartsRequests.addItem(request.body(CartsRequests.AddItemBody.class));
        return cartResponse(agents.addItem(mutation, item.sku(), item.quantity()));
    }

    private APIGatewayV2HTTPResponse agentChangeQuantity(ApiRequest request) {
        Mutation mutation = CartsRequests.agentMutation(request);
        var change = CartsRequests.changeQuantity(request.pathParam("sku"),
                request.body(CartsRequests.QuantityBody.class));
        return cartResponse(agents.changeQuantity(mutation, change.sku(), change.quantity()));
    }

    private APIGatewayV2HTTPResponse agentRemoveItem(ApiRequest request) {
        Mutation mutation = CartsRequests.agentMutation(request);
        return cartResponse(agents.removeItem(mutation, CartsRequests.pathSku(request.pathParam("sku"))));
    }

    private APIGatewayV2HTTPResponse sendToCustomer(ApiRequest request) {
        Mutation mutation = CartsRequests.agentMutation(request);
        var channel = CartsRequests.sendChannel(request.body(CartsRequests.SendBody.class));
        return ApiResponse.json(202, agents.send(mutation.shopper(), channel, request.requestId()), Map.of());
    }

    private static CartId cartId(ApiRequest request) {
        return CartsRequests.cartId(request.pathParam("cartId"));
    }

    private static APIGatewayV2HTTPResponse cartResponse(CartView cart) {
        return ApiResponse.json(200, cart, Map.of("ETag", cart.etag()));
    }
}

package com.omnis.carts;

import com.omnis.carts.domain.Cart;
import com.omnis.carts.dynamo.DynamoCartRepository;
import com.omnis.carts.service.CartService;
import com.omnis.carts.service.CartView;
import com.omnis.carts.service.Mutation;
import com.omnis.carts.service.Shopper;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.catalog.DynamoProductRepository;
import com.omnis.shared.catalog.DynamoPromotionRepository;
import com.omnis.shared.config.Settings;
import com.omnis.shared.http.ApiHandler;
import com.omnis.shared.http.ApiRequest;
import com.omnis.shared.http.ApiResponse;
import com.omnis.shared.http.Router;
import com.omnis.shared.http.TokenVerifier;
import com.omnis.shared.pricing.PriceCalculator;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The carts function: one cart per shopper across web, mobile, store, call centre and kiosk.
 * Glue only: reads the request, asks {@link CartService}, answers the cart with its {@code ETag}.
 */
public final class CartsHandler extends ApiHandler {

    static final String CART_TOKEN_HEADER = "X-Cart-Token";

    record AddItemBody(String sku, Integer quantity) {
    }

    record QuantityBody(Integer quantity) {
    }

    record PromoCodeBody(String code) {
    }

    record MergeBody(String cartId, String token) {
    }

    /** For Lambda: clients, schemas and the JWKS verifier built once per container from the function's settings. */
    public CartsHandler() {
        this(serviceFrom(Settings.current()), TokenVerifier.fromSettings(Settings.current()));
    }

    public CartsHandler(CartService service, TokenVerifier verifier) {
        super(routes(service, verifier));
    }

    private static CartService serviceFrom(Settings settings) {
        AwsClients aws = new AwsClients(settings);
        DynamoDbClient dynamo = aws.dynamoDb();
        DynamoDbEnhancedClient enhanced = aws.dynamoDbEnhanced(dynamo);
        return new CartService(
                new DynamoCartRepository(enhanced, dynamo, settings.require("CARTS_TABLE")),
                new DynamoProductRepository(enhanced, settings.require("PRODUCTS_TABLE")),
                new DynamoPromotionRepository(enhanced, settings.require("PROMOTIONS_TABLE")),
                new PriceCalculator(), Clock.systemUTC(), settings.get("CART_CURRENCY", "EUR"));
    }

    private static Router routes(CartService service, TokenVerifier verifier) {
        return new Router(verifier)
                .on("POST /carts", request -> {
                    CartService.Opened opened = service.open(shopper(request), request.channel());
                    CartView cart = opened.cart();
                    return opened.created()
                            ? ApiResponse.json(201, cart, Map.of("Location", "/carts/" + cart.id(), "ETag", cart.etag()))
                            : cartResponse(cart);
                })
                .on("GET /carts/{cartId}", request -> {
                    // a read needs no channel, but a wrong one is still bad input
                    request.header("X-Channel").ifPresent(ignored -> request.channel());
                    return cartResponse(service.get(request.pathParam("cartId"), shopper(request)));
                })
                .on("POST /carts/{cartId}/items", request -> {
                    Mutation mutation = mutation(request);
                    AddItemBody body = request.body(AddItemBody.class);
                    return cartResponse(service.addItem(request.pathParam("cartId"), mutation, body.sku(), body.quantity()));
                })
                .on("PATCH /carts/{cartId}/items/{sku}", request -> {
                    Mutation mutation = mutation(request);
                    QuantityBody body = request.body(QuantityBody.class);
                    return cartResponse(service.changeQuantity(request.pathParam("cartId"), mutation,
                            request.pathParam("sku"), body.quantity()));
                })
                .on("DELETE /carts/{cartId}/items/{sku}", request -> cartResponse(service.removeItem(
                        request.pathParam("cartId"), mutation(request), request.pathParam("sku"))))
                .on("POST /carts/{cartId}/promo-codes", request -> {
                    Mutation mutation = mutation(request);
                    PromoCodeBody body = request.body(PromoCodeBody.class);
                    return cartResponse(service.addPromoCode(request.pathParam("cartId"), mutation, body.code()));
                })
                .on("DELETE /carts/{cartId}/promo-codes/{code}", request -> cartResponse(service.removePromoCode(
                        request.pathParam("cartId"), mutation(request), request.pathParam("code"))))
                .on("GET /me/cart", request -> cartResponse(service.myCart(request.caller())))
                .on("POST /me/cart/merge", request -> {
                    Mutation mutation = mutation(request);
                    MergeBody body = request.body(MergeBody.class);
                    return cartResponse(service.merge(mutation, body.cartId(), body.token()));
                });
    }

    private static Shopper shopper(ApiRequest request) {
        return new Shopper(request.caller(), request.header(CART_TOKEN_HEADER));
    }

    private static Mutation mutation(ApiRequest request) {
        Mutation mutation = Mutation.by(shopper(request), request.channel());
        return request.ifMatchVersion().map(mutation::ifMatch).orElse(mutation);
    }

    private static APIGatewayV2HTTPResponse cartResponse(CartView cart) {
        return ApiResponse.json(200, cart, Map.of("ETag", cart.etag()));
    }
}

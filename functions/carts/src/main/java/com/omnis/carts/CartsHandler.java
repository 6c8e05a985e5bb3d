package com.omnis.carts;

import com.omnis.carts.dynamo.DynamoCartOutbox;
import com.omnis.carts.dynamo.DynamoCartRepository;
import com.omnis.carts.service.AgentCarts;
import com.omnis.carts.service.CartOutbox;
import com.omnis.carts.service.CartService;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.catalog.CachedPromotions;
import com.omnis.shared.catalog.DynamoProductRepository;
import com.omnis.shared.catalog.DynamoPromotionRepository;
import com.omnis.shared.config.Settings;
import com.omnis.shared.customer.CustomerDirectory;
import com.omnis.shared.customer.DynamoCustomerDirectory;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.http.ApiHandler;
import com.omnis.shared.http.TokenVerifier;
import com.omnis.shared.metrics.Metrics;
import com.omnis.shared.pricing.PriceCalculator;
import java.time.Clock;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The carts function: one cart per shopper across web, mobile, store, call centre and kiosk.
 * Glue only: the routes are {@link CartsApi}, the decisions {@link CartService}.
 */
public final class CartsHandler extends ApiHandler {

    /** For Lambda: clients, schemas and the JWKS verifier built once per container from the function's settings. */
    public CartsHandler() {
        this(Settings.current(), new AwsClients(Settings.current()).dynamoDb());
    }

    private CartsHandler(Settings settings, DynamoDbClient dynamo) {
        this(serviceFrom(settings, dynamo), new DynamoCustomerDirectory(dynamo, settings.require("CUSTOMERS_TABLE")),
                new DynamoCartOutbox(dynamo, settings.require("OUTBOX_TABLE")), settings.clock(),
                TokenVerifier.fromSettings(settings));
    }

    public CartsHandler(CartService service, CustomerDirectory customers, CartOutbox outbox, Clock clock,
                        TokenVerifier verifier) {
        super(CartsApi.router(service, new AgentCarts(service, customers, outbox, clock), verifier));
    }

    private static CartService serviceFrom(Settings settings, DynamoDbClient dynamo) {
        AwsClients aws = new AwsClients(settings);
        DynamoDbEnhancedClient enhanced = aws.dynamoDbEnhanced(dynamo);
        return new CartService(
                new DynamoCartRepository(dynamo, settings.require("CARTS_TABLE")),
                new DynamoProductRepository(enhanced, settings.require("PRODUCTS_TABLE")),
                new CachedPromotions(new DynamoPromotionRepository(enhanced, settings.require("PROMOTIONS_TABLE")),
                        settings.clock()),
                new PriceCalculator(), settings.clock(), Retry.standard(), Metrics.forFunction(settings),
                settings.get("CART_CURRENCY", "EUR"));
    }
}

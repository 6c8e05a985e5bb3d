package com.omnis.orders;

import com.omnis.orders.domain.Signatures;
import com.omnis.orders.dynamo.DynamoCheckoutIdempotency;
import com.omnis.orders.dynamo.DynamoOrderStore;
import com.omnis.carts.checkout.CartCheckout;
import com.omnis.orders.dynamo.CartsCheckoutAdapter;
import com.omnis.orders.dynamo.InventoryCheckoutParts;
import com.omnis.inventory.checkout.InventoryCheckout;
import com.omnis.shared.idempotency.DynamoIdempotencyStore;
import com.omnis.orders.service.CheckoutService;
import com.omnis.orders.service.OrderErasure;
import com.omnis.orders.service.OrderService;
import com.omnis.orders.service.PaymentService;
import com.omnis.orders.service.PickupService;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.catalog.DynamoLocationRepository;
import com.omnis.shared.catalog.DynamoProductRepository;
import com.omnis.shared.catalog.CachedPromotions;
import com.omnis.shared.catalog.DynamoPromotionRepository;
import com.omnis.shared.config.Settings;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.inventory.CachedLocations;
import com.omnis.shared.metrics.Metrics;
import com.omnis.shared.pricing.PriceCalculator;
import com.omnis.shared.privacy.PersonalData;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The orders function's object graph, built once per container from its settings. */
public record Orders(CheckoutService checkout, OrderService orders, PaymentService payments, PickupService pickups,
                     OrderErasure erasure) {

    static final Duration LOCATIONS_MAX_AGE = Duration.ofMinutes(1);

    public static Orders fromSettings(Settings settings) {
        AwsClients aws = new AwsClients(settings);
        DynamoDbClient dynamo = aws.dynamoDb();
        return wire(dynamo, aws.dynamoDbEnhanced(dynamo), settings, settings.clock(), Retry.standard(),
                Metrics.forFunction(settings));
    }

    public static Orders wire(DynamoDbClient dynamo, DynamoDbEnhancedClient enhanced, Settings settings, Clock clock,
                              Retry retry, Metrics metrics) {
        CachedLocations locations = new CachedLocations(
                new DynamoLocationRepository(enhanced, settings.require("LOCATIONS_TABLE")), clock, LOCATIONS_MAX_AGE);
        CartsCheckoutAdapter carts = new CartsCheckoutAdapter(
                CartCheckout.onDynamo(dynamo, settings.require("CARTS_TABLE"), clock));
        DynamoCheckoutIdempotency idempotency = new DynamoCheckoutIdempotency(
                new DynamoIdempotencyStore(dynamo, settings.require("IDEMPOTENCY_TABLE")));
        InventoryCheckout inventory = InventoryCheckout.wire(dynamo, enhanced, settings);
        DynamoOrderStore store = new DynamoOrderStore(dynamo,
                new DynamoOrderStore.Tables(settings.require("ORDERS_TABLE"), settings.require("OUTBOX_TABLE")),
                new InventoryCheckoutParts(carts, inventory),
                idempotency);
        OrderService orders = new OrderService(store, locations, new Signatures(settings.require("ORDER_LINK_SECRET")),
                policy(settings), clock, retry, metrics, PersonalData.fromSettings(settings, dynamo, clock));
        PaymentService payments = new PaymentService(store, orders, new Signatures(settings.require("PAYMENT_WEBHOOK_SECRET")),
                clock, metrics);
        CheckoutService checkout = new CheckoutService(carts,
                idempotency, store, new DynamoProductRepository(enhanced, settings.require("PRODUCTS_TABLE")),
                new CachedPromotions(new DynamoPromotionRepository(enhanced, settings.require("PROMOTIONS_TABLE")), clock),
                new PriceCalculator(),
                inventory.stock(), locations, clock, retry,
                RandomGenerator.getDefault(), metrics, payments::applyPending);
        return new Orders(checkout, orders, payments, new PickupService(store, orders, locations, clock),
                new OrderErasure(store, clock, retry, metrics));
    }

    /** {@code RETURN_WINDOW_DAYS} (default 30); {@code PICKUP_DAYS} "5" or "5,store-lyon-bellecour=3" (per store). */
    static OrderService.Policy policy(Settings settings) {
        Duration window = Duration.ofDays(Long.parseLong(settings.get("RETURN_WINDOW_DAYS", "30")));
        String[] pickup = settings.get("PICKUP_DAYS", "5").split(",");
        Duration pickupDefault = Duration.ofDays(Long.parseLong(pickup[0].trim()));
        Map<String, Duration> perStore = new HashMap<>();
        for (int i = 1; i < pickup.length; i++) {
            String[] pair = pickup[i].trim().split("=");
            perStore.put(pair[0], Duration.ofDays(Long.parseLong(pair[1])));
        }
        return new OrderService.Policy(window, store -> perStore.getOrDefault(store, pickupDefault));
    }
}

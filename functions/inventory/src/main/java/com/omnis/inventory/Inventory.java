package com.omnis.inventory;

import com.omnis.inventory.domain.HoldLimits;
import com.omnis.inventory.dynamo.DynamoInventoryStore;
import com.omnis.inventory.service.ReservationService;
import com.omnis.inventory.service.StockService;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.catalog.DynamoLocationRepository;
import com.omnis.shared.catalog.DynamoProductRepository;
import com.omnis.shared.config.Settings;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.idempotency.DynamoIdempotencyStore;
import com.omnis.shared.idempotency.Idempotency;
import com.omnis.shared.inventory.AvailabilityQuery;
import com.omnis.shared.inventory.CachedLocations;
import com.omnis.shared.inventory.DynamoStockReader;
import com.omnis.shared.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The inventory function's object graph, built once per container from its settings. */
public record Inventory(StockService stock, ReservationService reservations, AvailabilityQuery availability) {

    /** Locations change a few times a year; one read a minute per container is plenty. */
    static final Duration LOCATIONS_MAX_AGE = Duration.ofMinutes(1);

    /** Clients and services for the HTTP function, from {@code Settings.current()}. */
    public static Inventory fromSettings(Settings settings) {
        AwsClients aws = new AwsClients(settings);
        DynamoDbClient dynamo = aws.dynamoDb();
        return wire(dynamo, aws.dynamoDbEnhanced(dynamo), settings, Retry.standard());
    }

    /** The sweeper needs reservations only: stock, reservations, outbox and locations tables. */
    public static ReservationService sweeperFromSettings(Settings settings) {
        AwsClients aws = new AwsClients(settings);
        DynamoDbClient dynamo = aws.dynamoDb();
        return sweeper(dynamo, aws.dynamoDbEnhanced(dynamo), settings, Retry.standard());
    }

    /** Wires the HTTP function on {@code dynamo} with the table names, clock and limits of {@code settings}. */
    public static Inventory wire(DynamoDbClient dynamo, DynamoDbEnhancedClient enhanced, Settings settings, Retry retry) {
        return wire(dynamo, enhanced, settings, retry, Metrics.forFunction(settings));
    }

    /** As {@link #wire(DynamoDbClient, DynamoDbEnhancedClient, Settings, Retry)}, counting into {@code metrics} (tests). */
    public static Inventory wire(DynamoDbClient dynamo, DynamoDbEnhancedClient enhanced, Settings settings, Retry retry,
                                 Metrics metrics) {
        Clock clock = settings.clock();
        DynamoInventoryStore store = store(dynamo, settings);
        CachedLocations locations = locations(enhanced, settings, clock);
        RandomGenerator random = RandomGenerator.getDefault();
        Idempotency idempotency = new Idempotency(
                new DynamoIdempotencyStore(dynamo, settings.require("IDEMPOTENCY_TABLE")), clock);
        StockService stock = new StockService(store, idempotency, locations,
                new DynamoProductRepository(enhanced, settings.require("PRODUCTS_TABLE")), clock, retry, random, metrics);
        ReservationService reservations = new ReservationService(store, idempotency, locations, clock, retry, random,
                holdLimits(settings), metrics);
        // shoppers' availability reads eventually consistent: half the read cost, a second of staleness at most
        AvailabilityQuery availability = new AvailabilityQuery(
                new DynamoStockReader(dynamo, settings.require("STOCK_TABLE"), false), locations);
        return new Inventory(stock, reservations, availability);
    }

    /** What the sweeper runs: expiry only, with no idempotency table. */
    public static ReservationService sweeper(DynamoDbClient dynamo, DynamoDbEnhancedClient enhanced, Settings settings,
                                             Retry retry) {
        return ReservationService.expiryOnly(store(dynamo, settings),
                locations(enhanced, settings, settings.clock()), settings.clock(), retry, RandomGenerator.getDefault(),
                Metrics.forFunction(settings));
    }

    /** {@link HoldLimits#DEFAULT}, or the figures of {@code HOLD_LIMIT_OPEN_HOLDS} and {@code HOLD_LIMIT_UNITS}. */
    static HoldLimits holdLimits(Settings settings) {
        return new HoldLimits(
                settings.find(HoldLimits.OPEN_HOLDS_SETTING).map(Integer::parseInt).orElse(HoldLimits.DEFAULT.openHolds()),
                settings.find(HoldLimits.UNITS_SETTING).map(Long::parseLong).orElse(HoldLimits.DEFAULT.units()));
    }

    private static DynamoInventoryStore store(DynamoDbClient dynamo, Settings settings) {
        return new DynamoInventoryStore(dynamo, new DynamoInventoryStore.Tables(settings.require("STOCK_TABLE"),
                settings.require("RESERVATIONS_TABLE"), settings.require("OUTBOX_TABLE")));
    }

    private static CachedLocations locations(DynamoDbEnhancedClient enhanced, Settings settings, Clock clock) {
        return new CachedLocations(new DynamoLocationRepository(enhanced, settings.require("LOCATIONS_TABLE")), clock,
                LOCATIONS_MAX_AGE);
    }
}

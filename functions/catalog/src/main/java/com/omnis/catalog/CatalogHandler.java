package com.omnis.catalog;

import com.omnis.catalog.dynamo.DynamoCatalogProducts;
import com.omnis.catalog.dynamo.DynamoCatalogPromotions;
import com.omnis.catalog.service.CatalogProducts;
import com.omnis.catalog.service.CatalogPromotions;
import com.omnis.catalog.service.CatalogService;
import com.omnis.catalog.service.StockAvailability;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.catalog.DynamoLocationRepository;
import com.omnis.shared.catalog.LocationRepository;
import com.omnis.shared.config.Settings;
import com.omnis.shared.http.ApiHandler;
import com.omnis.shared.inventory.AvailabilityQuery;
import com.omnis.shared.inventory.CachedLocations;
import com.omnis.shared.inventory.DynamoStockReader;
import com.omnis.shared.inventory.StockReader;
import com.omnis.shared.pricing.PriceCalculator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The catalog function: products with the price every channel shows (and, on a product, what the caller's
 * channel can get of it), promotions, stores and warehouses. Glue only: the routes are {@link CatalogApi}'s.
 */
public final class CatalogHandler extends ApiHandler {

    /** The currency of every price when {@code CATALOG_CURRENCY} is not set: carts add prices up, so there is one. */
    public static final String DEFAULT_CURRENCY = "EUR";
    /** Locations change a few times a year; one read a minute per container is plenty. */
    static final Duration LOCATIONS_MAX_AGE = Duration.ofMinutes(1);
    /** A SKU no product has (it is valid, so the request reaches DynamoDB): priming reads it before the snapshot. */
    static final String PRIMING_SKU = "PRIMING-0";

    /** For Lambda: clients, table schemas and repositories built once per container, from its settings. */
    public CatalogHandler() {
        this(Settings.current());
        // a product page for a SKU that does not exist (one GetItem, a 404 problem in JSON), a list page of one
        // product (its query, promotions, pricing and the product's JSON) and the stores (the locations' read)
        primeBeforeCheckpoint(
                new PrimingRequest(harmlessGet("GET /products/{sku}", "/products/" + PRIMING_SKU, Map.of("sku", PRIMING_SKU)), 404),
                new PrimingRequest(harmlessGet("GET /products", "/products", Map.of(), Map.of("limit", "1")), 200),
                new PrimingRequest(harmlessGet("GET /locations", "/locations", Map.of()), 200));
    }

    /** For tests: any repositories, stock and clock, the catalog in {@link #DEFAULT_CURRENCY}. */
    public CatalogHandler(CatalogProducts products, CatalogPromotions promotions, LocationRepository locations,
                          StockReader stock, Clock clock) {
        this(new CatalogService(products, promotions, locations, availability(stock, locations, clock),
                new PriceCalculator(), clock), new CatalogRequests(DEFAULT_CURRENCY, clock));
    }

    private CatalogHandler(Settings settings) {
        this(serviceFrom(settings),
                new CatalogRequests(settings.get("CATALOG_CURRENCY", DEFAULT_CURRENCY), settings.clock()));
    }

    private CatalogHandler(CatalogService service, CatalogRequests requests) {
        super(CatalogApi.router(service, requests));
    }

    private static CatalogService serviceFrom(Settings settings) {
        AwsClients aws = new AwsClients(settings);
        DynamoDbClient client = aws.dynamoDb();
        DynamoDbEnhancedClient dynamo = aws.dynamoDbEnhanced(client);
        LocationRepository locations = new DynamoLocationRepository(dynamo, settings.require("LOCATIONS_TABLE"));
        // shoppers' availability reads eventually consistent, as inventory's GET /availability: half the cost
        StockReader stock = new DynamoStockReader(client, settings.require("STOCK_TABLE"), false);
        Clock clock = settings.clock();
        return new CatalogService(
                new DynamoCatalogProducts(dynamo, settings.require("PRODUCTS_TABLE")),
                new DynamoCatalogPromotions(dynamo, settings.require("PROMOTIONS_TABLE"), clock),
                locations, availability(stock, locations, clock), new PriceCalculator(), clock);
    }

    /** The shared read model inventory's {@code GET /availability} answers with: one rule for every channel. */
    private static StockAvailability availability(StockReader stock, LocationRepository locations, Clock clock) {
        return new AvailabilityQuery(stock, new CachedLocations(locations, clock, LOCATIONS_MAX_AGE))::of;
    }
}

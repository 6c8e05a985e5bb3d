package com.omnis.catalog;

import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.catalog.DynamoLocationRepository;
import com.omnis.shared.catalog.DynamoProductRepository;
import com.omnis.shared.catalog.DynamoPromotionRepository;
import com.omnis.shared.catalog.LocationRepository;
import com.omnis.shared.catalog.ProductRepository;
import com.omnis.shared.catalog.PromotionRepository;
import com.omnis.shared.config.Settings;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.http.ApiHandler;
import com.omnis.shared.http.ApiResponse;
import com.omnis.shared.identity.Caller;
import com.omnis.shared.http.Router;
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
 * channel can get of it), promotions, stores and warehouses.
 */
public final class CatalogHandler extends ApiHandler {

    static final int DEFAULT_LIMIT = 20;
    /** Locations change a few times a year; one read a minute per container is plenty. */
    static final Duration LOCATIONS_MAX_AGE = Duration.ofMinutes(1);

    /** For Lambda: clients, table schemas and repositories built once per container. */
    public CatalogHandler() {
        this(serviceFrom(Settings.current()));
    }

    /** For tests: any repositories, stock and clock, the catalog in {@link CatalogService#DEFAULT_CURRENCY}. */
    public CatalogHandler(ProductRepository products, PromotionRepository promotions, LocationRepository locations,
                          StockReader stock, Clock clock) {
        this(new CatalogService(products, promotions, locations, availability(stock, locations, clock),
                new PriceCalculator(), clock, CatalogService.DEFAULT_CURRENCY));
    }

    private CatalogHandler(CatalogService service) {
        super(routes(service));
    }

    private static CatalogService serviceFrom(Settings settings) {
        AwsClients aws = new AwsClients(settings);
        DynamoDbClient client = aws.dynamoDb();
        DynamoDbEnhancedClient dynamo = aws.dynamoDbEnhanced(client);
        LocationRepository locations = new DynamoLocationRepository(dynamo, settings.require("LOCATIONS_TABLE"));
        // shoppers' availability reads eventually consistent, as inventory's GET /availability: half the cost
        StockReader stock = new DynamoStockReader(client, settings.require("STOCK_TABLE"), false);
        Clock clock = Clock.systemUTC();
        return new CatalogService(
                new DynamoProductRepository(dynamo, settings.require("PRODUCTS_TABLE")),
                new DynamoPromotionRepository(dynamo, settings.require("PROMOTIONS_TABLE")),
                locations, availability(stock, locations, clock), new PriceCalculator(), clock,
                settings.get("CATALOG_CURRENCY", CatalogService.DEFAULT_CURRENCY));
    }

    /** The shared read model inventory's {@code GET /availability} answers with: one rule for every channel. */
    private static CatalogService.StockAvailability availability(StockReader stock, LocationRepository locations,
                                                                 Clock clock) {
        return new AvailabilityQuery(stock, new CachedLocations(locations, clock, LOCATIONS_MAX_AGE))::of;
    }

    private static Router routes(CatalogService service) {
        return new Router()
                .on("GET /products", request -> ApiResponse.ok(service.listProducts(
                        request.query("category"), request.query("q"),
                        request.queryInt("limit", 1, 100).orElse(DEFAULT_LIMIT), request.query("cursor"))))
                .on("GET /products/{sku}", request -> ApiResponse.ok(service.product(request.pathParam("sku"),
                        request.channelOr(Channel.WEB), request.query("postalCode"))))
                .on("PUT /products/{sku}", opsOnly(request -> {
                    CatalogService.Saved saved = service.putProduct(request.pathParam("sku"),
                            request.body(ProductRequest.class));
                    return saved.created()
                            ? ApiResponse.created(saved.product(), "/products/" + saved.product().sku())
                            : ApiResponse.ok(saved.product());
                }))
                .on("PUT /products/{sku}/price", opsOnly(request -> ApiResponse.ok(
                        service.changePrice(request.pathParam("sku"), request.body(PriceChange.class)))))
                .on("POST /promotions", opsOnly(request -> ApiResponse.json(201,
                        service.createPromotion(request.body(PromotionRequest.class)), Map.of())))
                .on("GET /promotions", opsOnly(request -> ApiResponse.ok(new Page<>(service.promotions(), null))))
                .on("GET /locations", request -> ApiResponse.ok(new Page<>(
                        service.locations(request.query("type"), request.query("pickup")), null)))
                .on("GET /locations/{locationId}", request -> ApiResponse.ok(
                        service.location(request.pathParam("locationId"))));
    }

    /** Ops routes check the caller before reading the body: a stranger learns nothing about the input rules. */
    private static Router.Route opsOnly(Router.Route route) {
        return request -> {
            request.caller().requireGroup(Caller.OPS);
            return route.handle(request);
        };
    }
}

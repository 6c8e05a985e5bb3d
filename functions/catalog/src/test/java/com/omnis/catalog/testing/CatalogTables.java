package com.omnis.catalog.testing;

import com.omnis.catalog.dynamo.DynamoCatalogProducts;
import com.omnis.catalog.dynamo.DynamoCatalogPromotions;
import com.omnis.local.EmbeddedDynamo;
import com.omnis.local.SeedTables;
import com.omnis.local.template.SamTemplate;
import com.omnis.shared.catalog.DynamoLocationRepository;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.inventory.DynamoStockReader;
import com.omnis.shared.inventory.StockItems;
import com.omnis.shared.inventory.StockSeed;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The template's tables, fresh and empty, on the JVM's shared DynamoDB Local (loopback, in memory),
 * with the catalog's adapters on the table names CatalogFunction's environment gives them; locations
 * (which no function writes) and stock seeded in the layouts the demo data uses.
 */
public final class CatalogTables implements AutoCloseable {

    public static final String FUNCTION = "CatalogFunction";
    private static final SamTemplate TEMPLATE = SamTemplate.load();

    public final EmbeddedDynamo dynamo = EmbeddedDynamo.startWith(TEMPLATE);
    /** Exactly what Lambda would give the catalog function, pointing at this DynamoDB Local. */
    public final Map<String, String> environment = dynamo.environmentFor(FUNCTION);
    public final DynamoCatalogProducts products =
            new DynamoCatalogProducts(dynamo.enhancedClient(), environment.get("PRODUCTS_TABLE"));
    public final DynamoCatalogPromotions promotions =
            new DynamoCatalogPromotions(dynamo.enhancedClient(), environment.get("PROMOTIONS_TABLE"),
                    java.time.Clock.systemUTC());
    public final DynamoLocationRepository locations =
            new DynamoLocationRepository(dynamo.enhancedClient(), environment.get("LOCATIONS_TABLE"));
    private final SeedTables.Writer<Location> locationWriter =
            SeedTables.locations(dynamo.enhancedClient(), environment.get("LOCATIONS_TABLE"));

    /** The stock reader the Lambda constructor builds: eventually consistent, on CatalogFunction's STOCK_TABLE. */
    public final DynamoStockReader stock = new DynamoStockReader(dynamo.client(), environment.get("STOCK_TABLE"), false);

    /** A store or warehouse, as the demo data writes it. */
    public void seed(Location location) {
        locationWriter.save(location);
    }

    /** Opening stock of a position, written as the inventory function's own records (as the demo data is). */
    public void seed(StockSeed seed, Instant at) {
        dynamo.client().putItem(b -> b.tableName(environment.get("STOCK_TABLE")).item(StockItems.toItem(seed.toRecord(at))));
    }

    public DynamoDbClient client() {
        return dynamo.client();
    }

    public SamTemplate template() {
        return TEMPLATE;
    }

    @Override
    public void close() {
        dynamo.close();
    }
}

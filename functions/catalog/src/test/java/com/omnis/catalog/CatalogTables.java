package com.omnis.catalog;

import com.omnis.local.EmbeddedDynamo;
import com.omnis.local.template.SamTemplate;
import com.omnis.shared.catalog.DynamoLocationRepository;
import com.omnis.shared.catalog.DynamoProductRepository;
import com.omnis.shared.catalog.DynamoPromotionRepository;
import com.omnis.shared.inventory.DynamoStockReader;
import com.omnis.shared.inventory.StockItems;
import com.omnis.shared.inventory.StockSeed;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The template's tables, fresh and empty, on the JVM's shared DynamoDB Local (loopback, in memory),
 * with the catalog's repositories on the table names CatalogFunction's environment gives them, and its
 * stock table written in the inventory's item layout.
 */
final class CatalogTables implements AutoCloseable {

    static final String FUNCTION = "CatalogFunction";
    private static final SamTemplate TEMPLATE = SamTemplate.load();

    final EmbeddedDynamo dynamo = EmbeddedDynamo.startWith(TEMPLATE);
    /** Exactly what Lambda would give the catalog function, pointing at this DynamoDB Local. */
    final Map<String, String> environment = dynamo.environmentFor(FUNCTION);
    final DynamoProductRepository products =
            new DynamoProductRepository(dynamo.enhancedClient(), environment.get("PRODUCTS_TABLE"));
    final DynamoPromotionRepository promotions =
            new DynamoPromotionRepository(dynamo.enhancedClient(), environment.get("PROMOTIONS_TABLE"));
    final DynamoLocationRepository locations =
            new DynamoLocationRepository(dynamo.enhancedClient(), environment.get("LOCATIONS_TABLE"));

    /** The stock reader the Lambda constructor builds: eventually consistent, on CatalogFunction's STOCK_TABLE. */
    final DynamoStockReader stock = new DynamoStockReader(dynamo.client(), environment.get("STOCK_TABLE"), false);

    /** Opening stock of a position, written as the inventory function's own records (as the demo data is). */
    void seed(StockSeed seed, Instant at) {
        dynamo.client().putItem(b -> b.tableName(environment.get("STOCK_TABLE")).item(StockItems.toItem(seed.toRecord(at))));
    }

    DynamoDbClient client() {
        return dynamo.client();
    }

    SamTemplate template() {
        return TEMPLATE;
    }

    @Override
    public void close() {
        dynamo.close();
    }
}

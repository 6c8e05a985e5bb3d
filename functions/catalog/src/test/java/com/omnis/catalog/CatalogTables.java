package com.omnis.catalog;

import com.omnis.local.EmbeddedDynamo;
import com.omnis.local.template.SamTemplate;
import com.omnis.shared.catalog.DynamoLocationRepository;
import com.omnis.shared.catalog.DynamoProductRepository;
import com.omnis.shared.catalog.DynamoPromotionRepository;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The template's tables, fresh and empty, on the JVM's shared DynamoDB Local (loopback, in memory),
 * with the catalog's repositories on the table names CatalogFunction's environment gives them.
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

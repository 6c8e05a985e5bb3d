package com.omnis.catalog;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;

/**
 * The catalog's three tables, fresh for each test, in one DynamoDB Local embedded in the test JVM
 * (in memory, no network port). Keys and index as declared in template.yaml.
 */
final class CatalogTables {

    private static final DynamoDbClient CLIENT = DynamoDBEmbedded.create().dynamoDbClient();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final String products;
    final String promotions;
    final String locations;

    private CatalogTables(String suffix) {
        this.products = "Products-" + suffix;
        this.promotions = "Promotions-" + suffix;
        this.locations = "Locations-" + suffix;
        create(products, "sku", true);
        create(promotions, "promotionId", false);
        create(locations, "locationId", false);
    }

    static CatalogTables create() {
        return new CatalogTables(String.valueOf(SEQUENCE.incrementAndGet()));
    }

    DynamoDbClient client() {
        return CLIENT;
    }

    DynamoDbEnhancedClient enhanced() {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(CLIENT).build();
    }

    private static void create(String table, String key, boolean byCategory) {
        var request = software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.builder()
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName(key).keyType(KeyType.HASH).build());
        if (byCategory) {
            request.attributeDefinitions(
                    AttributeDefinition.builder().attributeName(key).attributeType(ScalarAttributeType.S).build(),
                    AttributeDefinition.builder().attributeName("category").attributeType(ScalarAttributeType.S).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                    .indexName("byCategory")
                    .keySchema(KeySchemaElement.builder().attributeName("category").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(key).keyType(KeyType.RANGE).build())
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                    .build());
        } else {
            request.attributeDefinitions(
                    AttributeDefinition.builder().attributeName(key).attributeType(ScalarAttributeType.S).build());
        }
        CLIENT.createTable(request.build());
    }
}

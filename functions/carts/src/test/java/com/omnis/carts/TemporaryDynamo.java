package com.omnis.carts;

import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;

/** In-process DynamoDB Local until the local runtime's EmbeddedDynamo lands. */
final class TemporaryDynamo {

    private static final DynamoDbClient CLIENT = DynamoDBEmbedded.create().dynamoDbClient();

    private TemporaryDynamo() {
    }

    static DynamoDbClient client() {
        return CLIENT;
    }

    static String newCartsTable() {
        return newTable("carts", "cartId");
    }

    static String newPromotionsTable() {
        return newTable("promotions", "promotionId");
    }

    static String newProductsTable() {
        String name = "products-" + UUID.randomUUID();
        CLIENT.createTable(t -> t.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("sku"), attribute("category"))
                .keySchema(key("sku", KeyType.HASH))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byCategory")
                        .keySchema(key("category", KeyType.HASH), key("sku", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        return name;
    }

    private static String newTable(String prefix, String key) {
        String name = prefix + "-" + UUID.randomUUID();
        CLIENT.createTable(t -> t.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute(key)).keySchema(key(key, KeyType.HASH)));
        return name;
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType("S").build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}

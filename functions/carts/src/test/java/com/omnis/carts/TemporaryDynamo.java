package com.omnis.carts;

import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;

/** In-process DynamoDB Local until the local runtime's EmbeddedDynamo lands. */
final class TemporaryDynamo {

    private static final DynamoDbClient CLIENT = DynamoDBEmbedded.create().dynamoDbClient();

    static DynamoDbClient client() {
        return CLIENT;
    }

    static String newCartsTable() {
        String name = "carts-" + UUID.randomUUID();
        CLIENT.createTable(t -> t.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("cartId").attributeType("S").build())
                .keySchema(KeySchemaElement.builder().attributeName("cartId").keyType(KeyType.HASH).build()));
        return name;
    }
}

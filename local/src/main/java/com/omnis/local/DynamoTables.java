package com.omnis.local;

import com.omnis.local.template.TableSpec;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

/** Creates a template's table in DynamoDB: keys, indexes, stream and time to live as declared. */
final class DynamoTables {

    private DynamoTables() {
    }

    static void create(DynamoDbClient client, TableSpec table) {
        create(client, table, table.tableName());
    }

    /** Creates {@code table} under {@code name}, e.g. a name unique to one test run on a shared endpoint. */
    static void create(DynamoDbClient client, TableSpec table, String name) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(table.attributes().entrySet().stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a.getKey()).attributeType(a.getValue()).build())
                        .toList())
                .keySchema(keySchema(table.key()));
        if (!table.globalIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalIndexes().stream()
                    .map(index -> GlobalSecondaryIndex.builder().indexName(index.name())
                            .keySchema(keySchema(index.key())).projection(projection(index)).build())
                    .toList());
        }
        if (!table.localIndexes().isEmpty()) {
            request.localSecondaryIndexes(table.localIndexes().stream()
                    .map(index -> LocalSecondaryIndex.builder().indexName(index.name())
                            .keySchema(keySchema(index.key())).projection(projection(index)).build())
                    .toList());
        }
        table.streamViewType().ifPresent(view -> request.streamSpecification(
                StreamSpecification.builder().streamEnabled(true).streamViewType(view).build()));
        client.createTable(request.build());
        table.ttlAttribute().ifPresent(attribute -> client.updateTimeToLive(update -> update
                .tableName(name)
                .timeToLiveSpecification(ttl -> ttl.attributeName(attribute).enabled(true))));
    }

    private static List<KeySchemaElement> keySchema(TableSpec.KeySpec key) {
        List<KeySchemaElement> elements = new ArrayList<>();
        elements.add(KeySchemaElement.builder().attributeName(key.partitionKey()).keyType(KeyType.HASH).build());
        key.sortKey().ifPresent(sort -> elements.add(
                KeySchemaElement.builder().attributeName(sort).keyType(KeyType.RANGE).build()));
        return elements;
    }

    private static Projection projection(TableSpec.IndexSpec index) {
        Projection.Builder projection = Projection.builder().projectionType(ProjectionType.fromValue(index.projectionType()));
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return projection.build();
    }
}

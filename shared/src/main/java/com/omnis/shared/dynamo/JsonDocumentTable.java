package com.omnis.shared.dynamo;

import com.omnis.shared.json.Json;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * A table of records keyed by one string attribute, each stored as an item whose attributes are
 * the record's JSON fields (nested records become maps), through the Enhanced Client's document
 * API: no reflection-built bean schema, one schema per repository class.
 */
public final class JsonDocumentTable<T> {

    private final DynamoDbTable<EnhancedDocument> table;
    private final Class<T> type;

    public JsonDocumentTable(DynamoDbEnhancedClient enhanced, String tableName, TableSchema<EnhancedDocument> schema,
                             Class<T> type) {
        this.table = enhanced.table(tableName, schema);
        this.type = type;
    }

    /** The schema of a table whose partition key is the string attribute {@code keyAttribute}. */
    public static TableSchema<EnhancedDocument> schemaKeyedBy(String keyAttribute) {
        return TableSchema.documentSchemaBuilder()
                .addIndexPartitionKey(TableMetadata.primaryIndexName(), keyAttribute, AttributeValueType.S)
                .build();
    }

    public Optional<T> find(String key) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(key).build())).map(this::toRecord);
    }

    /** Every record; for the small tables (locations, promotions) that are read whole. */
    public Stream<T> scanAll() {
        return table.scan().items().stream().map(this::toRecord);
    }

    public void put(T record) {
        table.putItem(EnhancedDocument.fromJson(Json.write(record)));
    }

    private T toRecord(EnhancedDocument document) {
        return Json.read(document.toJson(), type);
    }
}

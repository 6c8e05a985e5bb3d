package com.omnis.shared.catalog;

import com.omnis.shared.dynamo.JsonDocuments;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** Stores and warehouses in {@code LOCATIONS_TABLE} (key {@code locationId}). */
public final class DynamoLocationRepository implements LocationRepository {

    /** The key this repository expects of its table (checked against template.yaml by a test). */
    public static final TableSchema<EnhancedDocument> SCHEMA = JsonDocuments.schemaWithPartitionKey("locationId");

    private final DynamoDbTable<EnhancedDocument> table;

    public DynamoLocationRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, SCHEMA);
    }

    @Override
    public Optional<Location> find(String locationId) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(locationId).build()))
                .map(doc -> JsonDocuments.fromDocument(doc, Location.class));
    }

    @Override
    public List<Location> all() {
        return table.scan().items().stream()
                .map(doc -> JsonDocuments.fromDocument(doc, Location.class))
                .sorted(Comparator.comparing(Location::locationId))
                .toList();
    }

    @Override
    public void save(Location location) {
        table.putItem(JsonDocuments.toDocument(location));
    }
}

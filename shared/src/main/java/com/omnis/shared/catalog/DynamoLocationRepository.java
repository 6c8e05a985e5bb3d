package com.omnis.shared.catalog;

import com.omnis.shared.dynamo.JsonDocumentTable;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** Stores and warehouses in {@code LOCATIONS_TABLE} (key {@code locationId}). */
public final class DynamoLocationRepository implements LocationRepository {

    /** The key this repository expects of its table (checked against template.yaml by a test). */
    public static final TableSchema<EnhancedDocument> SCHEMA = JsonDocumentTable.schemaKeyedBy("locationId");

    private final JsonDocumentTable<Location> table;

    public DynamoLocationRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = new JsonDocumentTable<>(enhanced, tableName, SCHEMA, Location.class);
    }

    @Override
    public Optional<Location> find(String locationId) {
        return table.find(locationId);
    }

    @Override
    public List<Location> all() {
        return table.scanAll()
                .sorted(Comparator.comparing(Location::locationId))
                .toList();
    }

    @Override
    public void save(Location location) {
        table.put(location);
    }
}

package com.omnis.shared.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** Stores and warehouses read from {@code LOCATIONS_TABLE}, in the layout of {@link LocationItems}. */
public final class DynamoLocationRepository implements LocationRepository {

    private final DynamoDbTable<EnhancedDocument> table;

    public DynamoLocationRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, LocationItems.SCHEMA);
    }

    @Override
    public Optional<Location> find(String locationId) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(locationId).build()))
                .map(LocationItems::fromDocument);
    }

    @Override
    public List<Location> all() {
        return table.scan().items().stream()
                .map(LocationItems::fromDocument)
                .sorted(Comparator.comparing(Location::locationId))
                .toList();
    }
}

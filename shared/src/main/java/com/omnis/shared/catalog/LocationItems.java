package com.omnis.shared.catalog;

import com.omnis.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * The layout of stores and warehouses in {@code LOCATIONS_TABLE}: key {@code locationId}, one item per
 * location whose attributes are the JSON fields of {@link Location} (the address and opening hours as
 * maps). No function writes locations yet: the local demo data and tests seed them through this layout.
 */
public final class LocationItems {

    /** The key of the table (checked against template.yaml by a test). */
    public static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), "locationId", AttributeValueType.S)
            .build();

    private LocationItems() {
    }

    public static EnhancedDocument toDocument(Location location) {
        return EnhancedDocument.fromJson(Json.write(location));
    }

    public static Location fromDocument(EnhancedDocument document) {
        return Json.read(document.toJson(), Location.class);
    }
}

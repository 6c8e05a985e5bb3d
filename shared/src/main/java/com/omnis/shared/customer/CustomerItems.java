package com.omnis.shared.customer;

import com.omnis.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * The layout of customer profiles in {@code CUSTOMERS_TABLE}: key {@code customerId}, one item per
 * customer whose attributes are the JSON fields of {@link Customer}. No function writes profiles yet
 * (the customers function will, through this layout); the local demo data seeds them with it.
 */
public final class CustomerItems {

    /** The key of the table (checked against template.yaml by a test). */
    public static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), "customerId", AttributeValueType.S)
            .build();

    private CustomerItems() {
    }

    public static EnhancedDocument toDocument(Customer customer) {
        return EnhancedDocument.fromJson(Json.write(customer));
    }

    public static Customer fromDocument(EnhancedDocument document) {
        return Json.read(document.toJson(), Customer.class);
    }
}

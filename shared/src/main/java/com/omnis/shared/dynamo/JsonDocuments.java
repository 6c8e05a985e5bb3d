package com.omnis.shared.dynamo;

import com.omnis.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * Stores a record as a DynamoDB item whose attributes are the record's JSON fields (nested
 * records become maps), through the Enhanced Client's document API: no reflection-built bean schema.
 */
public final class JsonDocuments {

    private JsonDocuments() {
    }

    public static TableSchema<EnhancedDocument> schemaWithPartitionKey(String attribute) {
        return TableSchema.documentSchemaBuilder()
                .addIndexPartitionKey(TableMetadata.primaryIndexName(), attribute, AttributeValueType.S)
                .build();
    }

    public static EnhancedDocument toDocument(Object record) {
        return EnhancedDocument.fromJson(Json.write(record));
    }

    public static <T> T fromDocument(EnhancedDocument document, Class<T> type) {
        return Json.read(document.toJson(), type);
    }
}

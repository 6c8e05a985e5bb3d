package com.omnis.shared.catalog;

import com.omnis.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * The layout of promotions in {@code PROMOTIONS_TABLE}: key {@code promotionId}, one item per promotion
 * whose attributes are the JSON fields of {@link Promotion} (kinds and targets as their readable codes,
 * {@code amountOff} as a map). The one place this layout is written down: the shared read adapter, the
 * catalog function's writer and the local demo data all map through it.
 */
public final class PromotionItems {

    /** The key of the table (checked against template.yaml by a test). */
    public static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), "promotionId", AttributeValueType.S)
            .build();

    private PromotionItems() {
    }

    public static EnhancedDocument toDocument(Promotion promotion) {
        return EnhancedDocument.fromJson(Json.write(promotion));
    }

    public static Promotion fromDocument(EnhancedDocument document) {
        return Json.read(document.toJson(), Promotion.class);
    }
}

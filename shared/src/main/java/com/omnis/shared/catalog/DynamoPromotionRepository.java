package com.omnis.shared.catalog;

import com.omnis.shared.dynamo.JsonDocuments;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** Promotions in {@code PROMOTIONS_TABLE} (key {@code promotionId}); a handful at a time, so read by scan. */
public final class DynamoPromotionRepository implements PromotionRepository {

    /** The key this repository expects of its table (checked against template.yaml by a test). */
    public static final TableSchema<EnhancedDocument> SCHEMA = JsonDocuments.schemaWithPartitionKey("promotionId");

    private final DynamoDbTable<EnhancedDocument> table;

    public DynamoPromotionRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, SCHEMA);
    }

    @Override
    public void save(Promotion promotion) {
        table.putItem(JsonDocuments.toDocument(promotion));
    }

    @Override
    public List<Promotion> all() {
        return table.scan().items().stream()
                .map(doc -> JsonDocuments.fromDocument(doc, Promotion.class))
                .sorted(Comparator.comparing(Promotion::validFrom).thenComparing(Promotion::promotionId))
                .toList();
    }

    @Override
    public List<Promotion> activeAt(Instant at) {
        return all().stream().filter(p -> p.isActiveAt(at)).toList();
    }
}

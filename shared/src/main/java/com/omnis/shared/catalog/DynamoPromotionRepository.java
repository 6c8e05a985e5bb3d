package com.omnis.shared.catalog;

import com.omnis.shared.dynamo.JsonDocumentTable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** Promotions in {@code PROMOTIONS_TABLE} (key {@code promotionId}); a handful at a time, so read by scan. */
public final class DynamoPromotionRepository implements PromotionRepository {

    /** The key this repository expects of its table (checked against template.yaml by a test). */
    public static final TableSchema<EnhancedDocument> SCHEMA = JsonDocumentTable.schemaKeyedBy("promotionId");

    private final JsonDocumentTable<Promotion> table;

    public DynamoPromotionRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = new JsonDocumentTable<>(enhanced, tableName, SCHEMA, Promotion.class);
    }

    @Override
    public void save(Promotion promotion) {
        table.put(promotion);
    }

    @Override
    public List<Promotion> all() {
        return table.scanAll()
                .sorted(Comparator.comparing(Promotion::validFrom).thenComparing(Promotion::promotionId))
                .toList();
    }

    @Override
    public List<Promotion> activeAt(Instant at) {
        return all().stream().filter(p -> p.isActiveAt(at)).toList();
    }
}

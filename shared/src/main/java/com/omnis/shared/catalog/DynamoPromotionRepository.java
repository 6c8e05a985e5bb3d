package com.omnis.shared.catalog;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * Promotions read from {@code PROMOTIONS_TABLE}, in the layout of {@link PromotionItems}; a handful at
 * a time, so read by scan.
 */
public final class DynamoPromotionRepository implements PromotionRepository {

    private final DynamoDbTable<EnhancedDocument> table;

    public DynamoPromotionRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, PromotionItems.SCHEMA);
    }

    @Override
    public List<Promotion> all() {
        return table.scan().items().stream()
                .map(PromotionItems::fromDocument)
                .sorted(Comparator.comparing(Promotion::validFrom).thenComparing(Promotion::promotionId))
                .toList();
    }

    @Override
    public List<Promotion> activeAt(Instant at) {
        return all().stream().filter(p -> p.isActiveAt(at)).toList();
    }
}

package com.omnis.catalog.dynamo;

import com.omnis.catalog.service.CatalogPromotions;
import com.omnis.shared.catalog.CachedPromotions;
import com.omnis.shared.catalog.DynamoPromotionRepository;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.catalog.PromotionItems;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * The catalog's promotions table: reads through the shared read adapter, the catalog's own writes in the
 * same layout ({@link PromotionItems}, kept in shared because the read side and the demo data need it too).
 * Prices ({@link #activeAt}) use the promotions cached for {@link CachedPromotions#MAX_AGE}, as every
 * function that prices does (a promotion saved here empties that cache); the ops list ({@link #all}) reads
 * the table, so a change shows there at once.
 */
public final class DynamoCatalogPromotions implements CatalogPromotions {

    private final DynamoPromotionRepository reads;
    private final CachedPromotions pricing;
    private final DynamoDbTable<EnhancedDocument> table;

    public DynamoCatalogPromotions(DynamoDbEnhancedClient enhanced, String tableName, Clock clock) {
        this.reads = new DynamoPromotionRepository(enhanced, tableName);
        this.pricing = new CachedPromotions(reads, clock);
        this.table = enhanced.table(tableName, PromotionItems.SCHEMA);
    }

    @Override
    public List<Promotion> all() {
        return reads.all();
    }

    @Override
    public List<Promotion> activeAt(Instant at) {
        return pricing.activeAt(at);
    }

    @Override
    public void save(Promotion promotion) {
        table.putItem(PromotionItems.toDocument(promotion));
        pricing.invalidate();
    }
}

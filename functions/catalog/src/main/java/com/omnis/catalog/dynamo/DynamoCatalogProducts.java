package com.omnis.catalog.dynamo;

import com.omnis.catalog.service.CatalogProducts;
import com.omnis.shared.catalog.DynamoProductRepository;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.ProductItems;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * The catalog's products table: reads through the shared read adapter, the catalog's own writes in the
 * same layout ({@link ProductItems}, kept in shared because the read side and the demo data need it too).
 */
public final class DynamoCatalogProducts implements CatalogProducts {

    private final DynamoProductRepository reads;
    private final DynamoDbTable<EnhancedDocument> table;

    public DynamoCatalogProducts(DynamoDbEnhancedClient enhanced, String tableName) {
        this(enhanced, tableName, DynamoProductRepository.MAX_ITEMS_READ);
    }

    /** {@code maxItemsRead}: the most items one listing request reads ({@link DynamoProductRepository}). */
    public DynamoCatalogProducts(DynamoDbEnhancedClient enhanced, String tableName, int maxItemsRead) {
        this.reads = new DynamoProductRepository(enhanced, tableName, maxItemsRead);
        this.table = enhanced.table(tableName, ProductItems.SCHEMA);
    }

    @Override
    public Optional<Product> find(Sku sku) {
        return reads.find(sku);
    }

    @Override
    public Map<Sku, Product> findAll(Collection<Sku> skus) {
        return reads.findAll(skus);
    }

    @Override
    public Page<Product> list(Optional<String> category, Optional<String> text, int limit, Optional<String> cursor) {
        return reads.list(category, text, limit, cursor);
    }

    @Override
    public void save(Product product) {
        table.putItem(ProductItems.toDocument(product));
    }
}

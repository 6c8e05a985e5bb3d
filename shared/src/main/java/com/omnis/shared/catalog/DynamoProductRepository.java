package com.omnis.shared.catalog;

import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Cursor;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.error.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Products read from {@code PRODUCTS_TABLE}, in the layout of {@link ProductItems}.
 * Text search filters a scan: fine for catalogs of a few thousand SKUs; a search index (OpenSearch,
 * fed from the catalog's product events) would replace it beyond that. A request reads at most
 * {@code maxItemsRead} items, so a public query that matches nothing cannot scan the whole table in
 * one request: it answers the matches found so far and a cursor to read on. The cursor is the key of
 * the last product returned, or of the last item read when the budget ran out, so a page never skips
 * or repeats a product whatever the filter discarded.
 */
public final class DynamoProductRepository implements ProductRepository {

    static final int SEARCH_PAGE_SIZE = 500;
    static final int MAX_SEARCH_WORDS = 5;
    /** Items one listing request may read: its cost is bounded by these items' size whatever the filter keeps. */
    public static final int MAX_ITEMS_READ = 1000;

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<EnhancedDocument> table;
    private final DynamoDbIndex<EnhancedDocument> byCategory;
    private final int maxItemsRead;

    public DynamoProductRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this(enhanced, tableName, MAX_ITEMS_READ);
    }

    /** {@code maxItemsRead}: how many items one {@link #list} may read before it answers with what it found. */
    public DynamoProductRepository(DynamoDbEnhancedClient enhanced, String tableName, int maxItemsRead) {
        if (maxItemsRead < 1) {
            throw new IllegalArgumentException("maxItemsRead must be at least 1");
        }
        this.maxItemsRead = maxItemsRead;
        this.enhanced = enhanced;
        this.table = enhanced.table(tableName, ProductItems.SCHEMA);
        this.byCategory = table.index(ProductItems.BY_CATEGORY);
    }

    @Override
    public Optional<Product> find(Sku sku) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(sku.value()).build()))
                .map(ProductItems::fromDocument);
    }

    @Override
    public Map<Sku, Product> findAll(Collection<Sku> skus) {
        Map<Sku, Product> found = new HashMap<>();
        List<Sku> distinct = skus.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 100) {
            ReadBatch.Builder<EnhancedDocument> batch = ReadBatch.builder(EnhancedDocument.class).mappedTableResource(table);
            distinct.subList(from, Math.min(from + 100, distinct.size()))
                    .forEach(sku -> batch.addGetItem(Key.builder().partitionValue(sku.value()).build()));
            enhanced.batchGetItem(BatchGetItemEnhancedRequest.builder().readBatches(batch.build()).build())
                    .resultsForTable(table)
                    .forEach(doc -> {
                        Product product = ProductItems.fromDocument(doc);
                        found.put(product.sku(), product);
                    });
        }
        return found;
    }

    @Override
    public Page<Product> list(Optional<String> category, Optional<String> text, int limit, Optional<String> cursor) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        Expression filter = filter(text);
        Map<String, AttributeValue> start = cursor.map(c -> resumeKey(c, category)).orElse(null);
        // a text filter discards most items, so read larger pages; otherwise one more than needed tells if more follow
        int pageSize = text.isPresent() ? Math.max(limit, SEARCH_PAGE_SIZE) : limit + 1;
        List<Product> items = new ArrayList<>(limit);
        int read = 0;
        while (true) {
            var page = readPage(category, filter, start, Math.min(pageSize, maxItemsRead - read));
            read += page.scannedCount() == null ? pageSize : page.scannedCount();
            List<EnhancedDocument> docs = page.items();
            for (int i = 0; i < docs.size(); i++) {
                items.add(ProductItems.fromDocument(docs.get(i)));
                if (items.size() == limit) {
                    boolean more = i < docs.size() - 1 || hasNext(page);
                    return new Page<>(items, more ? Cursor.encode(keyOf(items.getLast(), category.isPresent())) : null);
                }
            }
            if (!hasNext(page)) {
                return new Page<>(items, null);
            }
            if (read >= maxItemsRead) {
                // every item up to the last one read was returned or discarded by the filter: resume after it
                return new Page<>(items, Cursor.encode(page.lastEvaluatedKey()));
            }
            start = page.lastEvaluatedKey();
        }
    }

    private software.amazon.awssdk.enhanced.dynamodb.model.Page<EnhancedDocument> readPage(
            Optional<String> category, Expression filter, Map<String, AttributeValue> start, int pageSize) {
        if (category.isPresent()) {
            return byCategory.query(QueryEnhancedRequest.builder()
                    .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(category.get())))
                    .filterExpression(filter).exclusiveStartKey(start).limit(pageSize).build())
                    .iterator().next();
        }
        return table.scan(ScanEnhancedRequest.builder()
                .filterExpression(filter).exclusiveStartKey(start).limit(pageSize).build())
                .iterator().next();
    }

    private static boolean hasNext(software.amazon.awssdk.enhanced.dynamodb.model.Page<EnhancedDocument> page) {
        return page.lastEvaluatedKey() != null && !page.lastEvaluatedKey().isEmpty();
    }

    /** A cursor resumes only the listing that handed it out: DynamoDB would fail on a key of another shape. */
    private static Map<String, AttributeValue> resumeKey(String cursor, Optional<String> category) {
        Set<String> expected = category.isPresent() ? Set.of("sku", "category") : Set.of("sku");
        Map<String, AttributeValue> key = Cursor.decode(cursor, expected);
        boolean valid = isSku(key.get("sku").s())
                && category.map(c -> c.equals(key.get("category").s())).orElse(true);
        if (!valid) {
            throw InvalidInputException.of("query cursor", "belongs to another listing: start again without a cursor");
        }
        return key;
    }

    private static boolean isSku(String value) {
        try {
            Sku.of(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> keyOf(Product product, boolean byCategoryIndex) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(ProductItems.SKU, AttributeValue.fromS(product.sku().value()));
        if (byCategoryIndex) {
            key.put(ProductItems.CATEGORY, AttributeValue.fromS(product.category()));
        }
        return key;
    }

    private static Expression filter(Optional<String> text) {
        StringBuilder expression = new StringBuilder(ProductItems.ACTIVE + " = :active");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":active", AttributeValue.fromBool(true));
        List<String> words = text.map(t -> List.of(t.toLowerCase(Locale.ROOT).trim().split("\\s+"))).orElse(List.of());
        for (int i = 0; i < words.size() && i < MAX_SEARCH_WORDS; i++) {
            expression.append(" AND contains(" + ProductItems.SEARCH_TEXT + ", :w").append(i).append(')');
            values.put(":w" + i, AttributeValue.fromS(words.get(i)));
        }
        return Expression.builder().expression(expression.toString()).expressionValues(values).build();
    }
}

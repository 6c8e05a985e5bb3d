package com.omnis.shared.catalog;

import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Cursor;
import com.omnis.shared.dynamo.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Products in {@code PRODUCTS_TABLE} (key {@code sku}, index {@code byCategory} on category + sku).
 * Text search filters a scan: fine for catalogs of a few thousand SKUs; a search service
 * (OpenSearch) would replace it beyond that.
 */
public final class DynamoProductRepository implements ProductRepository {

    static final String BY_CATEGORY = "byCategory";

    private static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), "sku", AttributeValueType.S)
            .addIndexPartitionKey(BY_CATEGORY, "category", AttributeValueType.S)
            .addIndexSortKey(BY_CATEGORY, "sku", AttributeValueType.S)
            .build();

    private final DynamoDbEnhancedClient enhanced;
    private final DynamoDbTable<EnhancedDocument> table;
    private final DynamoDbIndex<EnhancedDocument> byCategory;

    public DynamoProductRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this.enhanced = enhanced;
        this.table = enhanced.table(tableName, SCHEMA);
        this.byCategory = table.index(BY_CATEGORY);
    }

    @Override
    public Optional<Product> find(Sku sku) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(sku.value()).build()))
                .map(DynamoProductRepository::toProduct);
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
                        Product product = toProduct(doc);
                        found.put(product.sku(), product);
                    });
        }
        return found;
    }

    @Override
    public Page<Product> list(Optional<String> category, Optional<String> text, int limit, Optional<String> cursor) {
        Expression filter = filter(text);
        Map<String, AttributeValue> start = cursor.map(Cursor::decode).orElse(null);
        List<Product> items = new ArrayList<>();
        Map<String, AttributeValue> next = null;
        boolean more = true;
        while (more && items.size() < limit) {
            var page = category.isPresent()
                    ? byCategory.query(QueryEnhancedRequest.builder()
                            .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(category.get())))
                            .filterExpression(filter).exclusiveStartKey(start).limit(limit).build())
                        .iterator().next()
                    : table.scan(ScanEnhancedRequest.builder()
                            .filterExpression(filter).exclusiveStartKey(start).limit(limit).build())
                        .iterator().next();
            for (EnhancedDocument doc : page.items()) {
                if (items.size() == limit) {
                    break;
                }
                Product product = toProduct(doc);
                items.add(product);
                next = keyOf(product, category.isPresent());
            }
            start = page.lastEvaluatedKey();
            more = start != null && !start.isEmpty();
            if (!more && items.size() < limit) {
                next = null;
            }
        }
        return new Page<>(items, items.size() == limit || more ? Cursor.encode(next) : null);
    }

    private static Map<String, AttributeValue> keyOf(Product product, boolean byCategoryIndex) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put("sku", AttributeValue.fromS(product.sku().value()));
        if (byCategoryIndex) {
            key.put("category", AttributeValue.fromS(product.category()));
        }
        return key;
    }

    private static Expression filter(Optional<String> text) {
        StringBuilder expression = new StringBuilder("active = :active");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":active", AttributeValue.fromBool(true));
        List<String> words = text.map(t -> List.of(t.toLowerCase(Locale.ROOT).trim().split("\\s+"))).orElse(List.of());
        for (int i = 0; i < words.size() && i < 5; i++) {
            expression.append(" AND contains(searchText, :w").append(i).append(')');
            values.put(":w" + i, AttributeValue.fromS(words.get(i)));
        }
        return Expression.builder().expression(expression.toString()).expressionValues(values).build();
    }

    @Override
    public void save(Product product) {
        table.putItem(EnhancedDocument.builder()
                .attributeConverterProviders(software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider.defaultProvider())
                .putString("sku", product.sku().value())
                .putString("name", product.name())
                .putString("description", product.description() == null ? "" : product.description())
                .putString("category", product.category())
                .putString("brand", product.brand() == null ? "" : product.brand())
                .putNumber("priceAmount", product.price().amount())
                .putString("currency", product.price().currency())
                .putBoolean("active", product.active())
                .putString("updatedAt", product.updatedAt().toString())
                .putString("searchText", product.searchText())
                .build());
    }

    private static Product toProduct(EnhancedDocument doc) {
        return new Product(Sku.of(doc.getString("sku")), doc.getString("name"), emptyToNull(doc.getString("description")),
                doc.getString("category"), emptyToNull(doc.getString("brand")),
                Money.of(doc.getNumber("priceAmount").longValue(), doc.getString("currency")),
                doc.getBoolean("active"), Instant.parse(doc.getString("updatedAt")));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

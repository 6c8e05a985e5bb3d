package com.omnis.shared.catalog;

import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * The layout of products in {@code PRODUCTS_TABLE}: key {@code sku}, index {@code byCategory} on
 * category + sku, the price as {@code priceAmount} + {@code currency}, and {@code searchText} (lower-cased
 * once at write time) for text queries. The one place this layout is written down: the shared read
 * adapter, the catalog function's writer and the local demo data all map through it.
 */
public final class ProductItems {

    public static final String SKU = "sku";
    public static final String CATEGORY = "category";
    public static final String ACTIVE = "active";
    public static final String SEARCH_TEXT = "searchText";
    public static final String BY_CATEGORY = "byCategory";

    /** The keys and indexes of the table (checked against template.yaml by a test). */
    public static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), SKU, AttributeValueType.S)
            .addIndexPartitionKey(BY_CATEGORY, CATEGORY, AttributeValueType.S)
            .addIndexSortKey(BY_CATEGORY, SKU, AttributeValueType.S)
            .build();

    private ProductItems() {
    }

    public static EnhancedDocument toDocument(Product product) {
        return EnhancedDocument.builder()
                .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
                .putString(SKU, product.sku().value())
                .putString("name", product.name())
                .putString("description", product.description() == null ? "" : product.description())
                .putString(CATEGORY, product.category())
                .putString("brand", product.brand() == null ? "" : product.brand())
                .putNumber("priceAmount", product.price().amount())
                .putString("currency", product.price().currency())
                .putBoolean(ACTIVE, product.active())
                .putString("updatedAt", product.updatedAt().toString())
                .putString(SEARCH_TEXT, product.searchText())
                .build();
    }

    public static Product fromDocument(EnhancedDocument doc) {
        return new Product(Sku.of(doc.getString(SKU)), doc.getString("name"), emptyToNull(doc.getString("description")),
                doc.getString(CATEGORY), emptyToNull(doc.getString("brand")),
                Money.of(doc.getNumber("priceAmount").longValue(), doc.getString("currency")),
                doc.getBoolean(ACTIVE), Instant.parse(doc.getString("updatedAt")));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

package com.omnis.local;

import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.LocationItems;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.ProductItems;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.catalog.PromotionItems;
import com.omnis.shared.customer.CustomerItems;
import com.omnis.shared.customer.CustomerSeed;
import java.time.Instant;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * Writes the shared read models (products, promotions, locations, customers) in the one layout each
 * table has, for the demo data and for tests that need a catalog. The functions themselves only read
 * these tables, except the catalog's own writer: {@code shared} offers no repository that writes them.
 */
public final class SeedTables {

    /** Puts whole items into one table. */
    @FunctionalInterface
    public interface Writer<T> {
        void save(T item);
    }

    private SeedTables() {
    }

    public static Writer<Product> products(DynamoDbEnhancedClient enhanced, String tableName) {
        return writer(enhanced, tableName, ProductItems.SCHEMA, ProductItems::toDocument);
    }

    public static Writer<Promotion> promotions(DynamoDbEnhancedClient enhanced, String tableName) {
        return writer(enhanced, tableName, PromotionItems.SCHEMA, PromotionItems::toDocument);
    }

    public static Writer<Location> locations(DynamoDbEnhancedClient enhanced, String tableName) {
        return writer(enhanced, tableName, LocationItems.SCHEMA, LocationItems::toDocument);
    }

    /** A demo customer's items (profile, consent ledger, current consents), the profile created at {@code createdAt}. */
    public static Writer<CustomerSeed> customers(DynamoDbEnhancedClient enhanced, String tableName, Instant createdAt) {
        DynamoDbTable<EnhancedDocument> table = enhanced.table(tableName, CustomerItems.SCHEMA);
        return customer -> customer.items(createdAt)
                .forEach(item -> table.putItem(EnhancedDocument.fromAttributeValueMap(item)));
    }

    private static <T> Writer<T> writer(DynamoDbEnhancedClient enhanced, String tableName,
                                        TableSchema<EnhancedDocument> schema, Function<T, EnhancedDocument> layout) {
        DynamoDbTable<EnhancedDocument> table = enhanced.table(tableName, schema);
        return item -> table.putItem(layout.apply(item));
    }
}

package com.omnis.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.omnis.local.template.SamTemplate;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.Promotion;
import com.omnis.shared.customer.CustomerSeed;
import com.omnis.shared.inventory.StockItems;
import com.omnis.shared.inventory.StockSeed;
import com.omnis.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * The demo data of {@code seed/*.json} (products, stores and warehouse, promotions, customers),
 * written in the layout of each table ({@link SeedTables}) so the items have exactly the shape the functions read.
 * A kind is loaded only into a table created in this run: data kept on disk is left alone.
 */
final class DemoData {

    /** Concurrent writes: DynamoDB Local spends its time per request, not per byte. */
    private static final int WRITERS = 8;

    private final SamTemplate template;
    private final DynamoDbEnhancedClient enhanced;
    private final Collection<String> newTables;
    private final Clock clock;

    DemoData(SamTemplate template, DynamoDbEnhancedClient enhanced, Collection<String> newTables, Clock clock) {
        this.template = template;
        this.enhanced = enhanced;
        this.newTables = newTables;
        this.clock = clock;
    }

    /** Loads every kind whose table is new, items in parallel; returns what was loaded, e.g. {@code ["50 products", …]}. */
    List<String> load() {
        Instant now = clock.instant();
        List<String> loaded = new ArrayList<>();
        List<Callable<Void>> writes = new ArrayList<>();
        writes.addAll(seed("PRODUCTS_TABLE", "products", new TypeReference<List<Product>>() { }, table -> {
            var products = SeedTables.products(enhanced, table);
            return product -> products.save(product.withPrice(product.price(), now));
        }, loaded));
        writes.addAll(seed("LOCATIONS_TABLE", "locations", new TypeReference<List<Location>>() { },
                table -> SeedTables.locations(enhanced, table)::save, loaded));
        writes.addAll(seed("PROMOTIONS_TABLE", "promotions", new TypeReference<List<Promotion>>() { },
                table -> SeedTables.promotions(enhanced, table)::save, loaded));
        writes.addAll(seed("CUSTOMERS_TABLE", "customers", new TypeReference<List<CustomerSeed>>() { },
                table -> SeedTables.customers(enhanced, table, now)::save, loaded));
        writes.addAll(seed("STOCK_TABLE", "stock", new TypeReference<List<StockSeed>>() { }, table -> {
            var stock = enhanced.table(table, StockItems.SCHEMA);
            return seed -> stock.putItem(EnhancedDocument.fromAttributeValueMap(StockItems.toItem(seed.toRecord(now))));
        }, loaded));
        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
            for (Future<Void> write : pool.invokeAll(writes)) {
                write.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the demo data", e);
        }
        return loaded;
    }

    /** One write per item of {@code seed/<kind>.json}, if the table {@code variable} names was created in this run. */
    private <T> List<Callable<Void>> seed(String variable, String kind, TypeReference<List<T>> type,
                                          Function<String, Consumer<T>> saver, List<String> loaded) {
        Optional<String> table = tableNamedBy(variable);
        if (table.isEmpty() || !newTables.contains(table.get())) {
            return List.of();
        }
        List<T> items = read("/seed/" + kind + ".json", type);
        Consumer<T> save = saver.apply(table.get());
        loaded.add(items.size() + " " + kind);
        return items.stream().map(item -> (Callable<Void>) () -> {
            save.accept(item);
            return null;
        }).toList();
    }

    /**
     * The table a function reads through {@code variable} ({@code PRODUCTS_TABLE} → {@code ProductsTable}),
     * else the table named like it ({@code CUSTOMERS_TABLE} → {@code CustomersTable}) while no function reads it yet.
     */
    Optional<String> tableNamedBy(String variable) {
        Optional<String> read = template.functions().stream()
                .map(function -> function.environment().get(variable))
                .filter(name -> name != null && template.table(name).isPresent())
                .findFirst();
        if (read.isPresent()) {
            return read;
        }
        String kind = variable.substring(0, variable.indexOf('_')).toLowerCase(Locale.ROOT);
        String logicalId = Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + "Table";
        return template.table(logicalId).map(table -> table.tableName());
    }

    private static <T> List<T> read(String resource, TypeReference<List<T>> type) {
        try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return Json.MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}

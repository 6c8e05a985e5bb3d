package com.omnis.shared.inventory;

import com.omnis.shared.domain.Sku;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Stock positions from {@code STOCK_TABLE}: one query per SKU (all its locations and shards).
 * {@code consistent} reads are what the inventory's own decisions use; availability shown to
 * shoppers may read eventually consistent (half the cost).
 *
 * <p>Several SKUs (a page, a cart, {@code GET /availability}) are read in one round: their queries
 * run concurrently, at most {@link #MAX_CONCURRENT_QUERIES} at a time, so a page waits for about one
 * round trip instead of one per SKU. A BatchGetItem cannot replace them: it needs every key, and a
 * SKU's locations and shard counts are only known once its items are read. The capacity is the same.
 */
public final class DynamoStockReader implements StockReader {

    /** Queries in flight per read: enough for a page of SKUs, few enough not to burst a container's connections. */
    static final int MAX_CONCURRENT_QUERIES = 16;

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final boolean consistent;

    public DynamoStockReader(DynamoDbClient dynamo, String tableName, boolean consistent) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.consistent = consistent;
    }

    @Override
    public Map<Sku, Map<String, StockPosition>> positions(Collection<Sku> skus) {
        List<Sku> distinct = skus.stream().distinct().toList();
        Map<Sku, Map<String, StockPosition>> result = new LinkedHashMap<>();
        if (distinct.size() == 1) {
            // a product page: no thread for one query
            Sku sku = distinct.getFirst();
            result.put(sku, StockReader.group(sku, records(sku)));
            return result;
        }
        Semaphore inFlight = new Semaphore(MAX_CONCURRENT_QUERIES);
        List<Future<List<StockRecord>>> reads = new ArrayList<>(distinct.size());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Sku sku : distinct) {
                reads.add(executor.submit(() -> {
                    inFlight.acquire();
                    try {
                        return records(sku);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (int i = 0; i < distinct.size(); i++) {
                result.put(distinct.get(i), StockReader.group(distinct.get(i), resultOf(reads.get(i))));
            }
        }
        return result;
    }

    /** The query's own exception, as a sequential read would have thrown it (throttling, missing table...). */
    private static List<StockRecord> resultOf(Future<List<StockRecord>> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading stock", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("stock read failed", e.getCause());
        }
    }

    public List<StockRecord> records(Sku sku) {
        List<StockRecord> records = new ArrayList<>();
        QueryRequest request = QueryRequest.builder()
                .tableName(tableName)
                .keyConditionExpression("#sku = :sku AND begins_with(#slot, :prefix)")
                .expressionAttributeNames(Map.of("#sku", StockItems.SKU, "#slot", StockItems.SLOT))
                .expressionAttributeValues(Map.of(":sku", AttributeValue.fromS(sku.value()),
                        ":prefix", AttributeValue.fromS(StockItems.POSITION_PREFIX)))
                .consistentRead(consistent)
                .build();
        dynamo.queryPaginator(request).items().forEach(item -> records.add(StockItems.fromItem(item)));
        return records;
    }
}

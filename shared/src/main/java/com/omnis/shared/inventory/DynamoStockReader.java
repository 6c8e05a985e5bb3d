package com.omnis.shared.inventory;

import com.omnis.shared.domain.Sku;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Stock positions from {@code STOCK_TABLE}: one query per SKU (all its locations and shards).
 * {@code consistent} reads are what the inventory's own decisions use; availability shown to
 * shoppers may read eventually consistent (half the cost).
 */
public final class DynamoStockReader implements StockReader {

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
        Map<Sku, Map<String, StockPosition>> result = new LinkedHashMap<>();
        for (Sku sku : skus) {
            result.put(sku, StockReader.group(sku, records(sku)));
        }
        return result;
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

package com.omnis.notifications.dynamo;

import com.omnis.notifications.service.SavedItems;
import com.omnis.shared.customer.CustomerItems;
import com.omnis.shared.customer.SavedItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Saved items from the customers table's sparse {@code bySku} index (only saved items carry {@code savedSku}),
 * read in the customers' layout through {@link CustomerItems}: a scan of the index, not of the table, so the
 * profiles and consent ledgers are never read. The customers' read port has no "saved before" query yet.
 */
public final class DynamoSavedItems implements SavedItems {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSavedItems(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<Saved> savedBetween(Instant from, Instant to, int limit) {
        List<Saved> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(table).indexName(CustomerItems.BY_SKU_INDEX)
                    .filterExpression("#savedAt BETWEEN :from AND :to")
                    .expressionAttributeNames(Map.of("#savedAt", CustomerItems.SAVED_AT))
                    .expressionAttributeValues(Map.of(":from", AttributeValue.fromS(from.toString()),
                            ":to", AttributeValue.fromS(to.toString())));
            if (start != null) {
                scan.exclusiveStartKey(start);
            }
            ScanResponse response = dynamo.scan(scan.build());
            for (Map<String, AttributeValue> item : response.items()) {
                if (found.size() >= limit) {
                    break;
                }
                SavedItem saved = CustomerItems.savedFromItem(item);
                found.add(new Saved(saved.customerId().value(), saved.sku(), saved.savedAt(), saved.priceWhenSaved()));
            }
            start = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
        } while (start != null && found.size() < limit);
        return found;
    }
}

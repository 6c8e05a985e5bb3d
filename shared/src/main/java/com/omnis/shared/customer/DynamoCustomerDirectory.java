package com.omnis.shared.customer;

import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** {@link CustomerDirectory} on {@code CUSTOMERS_TABLE}, with the low-level client and {@link CustomerItems}. */
public final class DynamoCustomerDirectory implements CustomerDirectory {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCustomerDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<CustomerContact> contact(CustomerId customer) {
        return item(customer, CustomerItems.PROFILE).map(CustomerItems::profileFromItem).map(profile ->
                new CustomerContact(profile, item(customer, CustomerItems.CONSENTS)
                        .map(CustomerItems::consentsFromItem).orElse(Consents.NONE)));
    }

    @Override
    public List<SavedItem> savedItems(CustomerId customer) {
        QueryRequest request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#c = :c AND begins_with(#i, :saved)")
                .expressionAttributeNames(Map.of("#c", CustomerItems.CUSTOMER_ID, "#i", CustomerItems.ITEM))
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customer.value()),
                        ":saved", AttributeValue.fromS(CustomerItems.SAVED_PREFIX)))
                .build();
        return dynamo.queryPaginator(request).items().stream().map(CustomerItems::savedFromItem)
                .sorted(Comparator.comparing(SavedItem::savedAt).reversed().thenComparing(s -> s.sku().value()))
                .toList();
    }

    @Override
    public Optional<SavedItem> savedItem(CustomerId customer, Sku sku) {
        return item(customer, CustomerItems.savedItem(sku)).map(CustomerItems::savedFromItem);
    }

    @Override
    public Page<SavedItem> savers(Sku sku, int limit, Optional<String> cursor) {
        if (limit < 1 || limit > MAX_SAVERS_PAGE) {
            throw new IllegalArgumentException("limit is 1 to " + MAX_SAVERS_PAGE);
        }
        QueryRequest.Builder request = QueryRequest.builder().tableName(table).indexName(CustomerItems.BY_SKU_INDEX)
                .keyConditionExpression("#s = :s")
                .expressionAttributeNames(Map.of("#s", CustomerItems.SAVED_SKU))
                .expressionAttributeValues(Map.of(":s", AttributeValue.fromS(sku.value())))
                .limit(limit);
        // the cursor is the last customer of the page: the rest of the start key follows from the SKU
        cursor.map(DynamoCustomerDirectory::customerOf).ifPresent(last -> request.exclusiveStartKey(Map.of(
                CustomerItems.SAVED_SKU, AttributeValue.fromS(sku.value()),
                CustomerItems.CUSTOMER_ID, AttributeValue.fromS(last.value()),
                CustomerItems.ITEM, AttributeValue.fromS(CustomerItems.savedItem(sku)))));
        QueryResponse response = dynamo.query(request.build());
        List<SavedItem> items = response.items().stream().map(CustomerItems::savedFromItem).toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !items.isEmpty()
                ? cursorOf(items.getLast().customerId()) : null;
        return new Page<>(items, next);
    }

    private Optional<Map<String, AttributeValue>> item(CustomerId customer, String item) {
        Map<String, AttributeValue> found = dynamo.getItem(b -> b.tableName(table)
                .key(CustomerItems.key(customer, item)).consistentRead(true)).item();
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    private static String cursorOf(CustomerId last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(last.value().getBytes(StandardCharsets.UTF_8));
    }

    private static CustomerId customerOf(String cursor) {
        try {
            return CustomerId.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor of savers(): pass a previous page's nextCursor");
        }
    }
}

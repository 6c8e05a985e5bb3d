package com.omnis.shared.customer;

import com.omnis.shared.dynamo.JsonDocuments;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** Customer profiles in {@code CUSTOMERS_TABLE} (key {@code customerId}), one item per customer. */
public final class DynamoCustomerRepository implements CustomerRepository {

    private final DynamoDbTable<EnhancedDocument> table;

    public DynamoCustomerRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, JsonDocuments.schemaWithPartitionKey("customerId"));
    }

    @Override
    public Optional<Customer> find(String customerId) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(customerId).build()))
                .map(doc -> JsonDocuments.fromDocument(doc, Customer.class));
    }

    @Override
    public void save(Customer customer) {
        table.putItem(JsonDocuments.toDocument(customer));
    }
}

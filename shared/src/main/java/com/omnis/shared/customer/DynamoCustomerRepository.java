package com.omnis.shared.customer;

import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** Customer profiles read from {@code CUSTOMERS_TABLE}, in the layout of {@link CustomerItems}. */
public final class DynamoCustomerRepository implements CustomerRepository {

    private final DynamoDbTable<EnhancedDocument> table;

    public DynamoCustomerRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, CustomerItems.SCHEMA);
    }

    @Override
    public Optional<Customer> find(String customerId) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(customerId).build()))
                .map(CustomerItems::fromDocument);
    }
}

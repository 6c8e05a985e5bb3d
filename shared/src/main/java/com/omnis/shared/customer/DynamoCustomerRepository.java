package com.omnis.shared.customer;

import com.omnis.shared.dynamo.JsonDocuments;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** Customer profiles in {@code CUSTOMERS_TABLE} (key {@code customerId}), one item per customer. */
public final class DynamoCustomerRepository implements CustomerRepository {

    /** The key this repository expects of its table (checked against template.yaml by a test). */
    public static final TableSchema<EnhancedDocument> SCHEMA = JsonDocuments.schemaWithPartitionKey("customerId");

    private final DynamoDbTable<EnhancedDocument> table;

    public DynamoCustomerRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, SCHEMA);
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

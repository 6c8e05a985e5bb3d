package com.omnis.shared.customer;

import com.omnis.shared.dynamo.JsonDocumentTable;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/** Customer profiles in {@code CUSTOMERS_TABLE} (key {@code customerId}), one item per customer. */
public final class DynamoCustomerRepository implements CustomerRepository {

    /** The key this repository expects of its table (checked against template.yaml by a test). */
    public static final TableSchema<EnhancedDocument> SCHEMA = JsonDocumentTable.schemaKeyedBy("customerId");

    private final JsonDocumentTable<Customer> table;

    public DynamoCustomerRepository(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = new JsonDocumentTable<>(enhanced, tableName, SCHEMA, Customer.class);
    }

    @Override
    public Optional<Customer> find(String customerId) {
        return table.find(customerId);
    }

    @Override
    public void save(Customer customer) {
        table.put(customer);
    }
}

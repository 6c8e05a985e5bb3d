package com.omnis.customers.dynamo;

import com.omnis.customers.service.CustomerStore;
import com.omnis.shared.customer.Consent;
import com.omnis.shared.customer.Consents;
import com.omnis.shared.customer.CustomerItems;
import com.omnis.shared.customer.CustomerProfile;
import com.omnis.shared.customer.DynamoCustomerDirectory;
import com.omnis.shared.customer.Email;
import com.omnis.shared.customer.NamePrefix;
import com.omnis.shared.customer.PhoneNumber;
import com.omnis.shared.customer.SavedItem;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.StaleWriteException;
import com.omnis.shared.dynamo.Transaction;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * {@link CustomerStore} on {@code CUSTOMERS_TABLE} (items laid out by {@link CustomerItems}) and the
 * outbox. Reads go through the shared {@link DynamoCustomerDirectory}, so the function and the other
 * contexts read the same way; writes are conditional puts and deletes, and a write with an event is
 * one transaction with its outbox item.
 */
public final class DynamoCustomerStore implements CustomerStore {

    private static final int MAX_MATCHES = 20;
    private static final String ABSENT = "attribute_not_exists(#c)";
    private static final String PRESENT = "attribute_exists(#c)";
    private static final Map<String, String> KEY_NAME = Map.of("#c", CustomerItems.CUSTOMER_ID);

    private final DynamoDbClient dynamo;
    private final String table;
    private final String outbox;
    private final DynamoCustomerDirectory reads;
    private final Transaction transaction;

    public DynamoCustomerStore(DynamoDbClient dynamo, String table, String outbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.reads = new DynamoCustomerDirectory(dynamo, table);
        this.transaction = new Transaction(dynamo);
    }

    @Override
    public Optional<CustomerProfile> profile(CustomerId customer) {
        return item(customer, CustomerItems.PROFILE).map(CustomerItems::profileFromItem);
    }

    @Override
    public boolean erased(CustomerId customer) {
        return item(customer, CustomerItems.ERASED).isPresent();
    }

    @Override
    public boolean createProfile(CustomerProfile profile) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(CustomerItems.toItem(profile))
                    .conditionExpression(ABSENT).expressionAttributeNames(KEY_NAME).build());
            return true;
        } catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public void replaceProfile(CustomerProfile next, long expectedVersion) {
        try {
            dynamo.putItem(PutItemRequest.builder().tableName(table).item(CustomerItems.toItem(next))
                    .conditionExpression("#v = :expected")
                    .expressionAttributeNames(Map.of("#v", CustomerItems.VERSION))
                    .expressionAttributeValues(Map.of(":expected", number(expectedVersion))).build());
        } catch (ConditionalCheckFailedException moved) {
            throw new StaleWriteException("the profile of " + next.customerId() + " moved past version " + expectedVersion);
        }
    }

    @Override
    public List<CustomerProfile> profilesWithEmail(Email email) {
        return profilesIn(CustomerItems.BY_EMAIL_INDEX, CustomerItems.EMAIL, email.value());
    }

    @Override
    public List<CustomerProfile> profilesWithPhone(PhoneNumber phone) {
        return profilesIn(CustomerItems.BY_PHONE_INDEX, CustomerItems.PHONE, phone.value());
    }

    @Override
    public List<CustomerProfile> profilesNamed(NamePrefix prefix) {
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(CustomerItems.BY_NAME_INDEX)
                .keyConditionExpression("#k = :k AND begins_with(#n, :prefix)")
                .expressionAttributeNames(Map.of("#k", CustomerItems.NAME_KEY, "#n", CustomerItems.NAME_FOLDED))
                .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(prefix.key()),
                        ":prefix", AttributeValue.fromS(prefix.folded())))
                .limit(MAX_MATCHES).build();
        return dynamo.query(request).items().stream().map(CustomerItems::profileFromItem).toList();
    }

    /** A contact is shared by a handful of profiles at most (a family's landline): one page is enough. */
    private List<CustomerProfile> profilesIn(String index, String attribute, String value) {
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#k = :v")
                .expressionAttributeNames(Map.of("#k", attribute))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value)))
                .limit(MAX_MATCHES).build();
        return dynamo.query(request).items().stream()
                .filter(item -> CustomerItems.PROFILE.equals(item.get(CustomerItems.ITEM).s()))
                .map(CustomerItems::profileFromItem)
                .sorted(Comparator.comparing(p -> p.customerId().value()))
                .toList();
    }

    @Override
    public Consents consents(CustomerId customer) {
        return item(customer, CustomerItems.CONSENTS).map(CustomerItems::consentsFromItem).orElse(Consents.NONE);
    }

    @Override
    public List<Consent> ledger(CustomerId customer, int limit) {
        QueryRequest request = QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#c = :c AND begins_with(#i, :ledger)")
                .expressionAttributeNames(Map.of("#c", CustomerItems.CUSTOMER_ID, "#i", CustomerItems.ITEM))
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(customer.value()),
                        ":ledger", AttributeValue.fromS(CustomerItems.LEDGER_PREFIX)))
                .scanIndexForward(false)
                .limit(limit)
                .build();
        return dynamo.query(request).items().stream().map(CustomerItems::consentFromItem).toList();
    }

    @Override
    public void record(CustomerId customer, Consent entry, Consents next, DomainEvent event) {
        long expected = next.version() - 1;
        Put current = expected == 0
                ? put(CustomerItems.toItem(customer, next), ABSENT, KEY_NAME, Map.of())
                : put(CustomerItems.toItem(customer, next), "#v = :expected", Map.of("#v", CustomerItems.VERSION),
                        Map.of(":expected", number(expected)));
        // the ledger entry's sequence is unique: a second writer of the same sequence lost the race above
        Put ledger = put(CustomerItems.ledgerToItem(customer, entry), ABSENT, KEY_NAME, Map.of());
        write(TransactionPart.of(List.of(action(current), action(ledger)), reasons -> new StaleWriteException(
                "the consents of " + customer + " moved past statement " + expected)), event);
    }

    @Override
    public Optional<SavedItem> savedItem(CustomerId customer, Sku sku) {
        return reads.savedItem(customer, sku);
    }

    @Override
    public List<SavedItem> savedItems(CustomerId customer) {
        return reads.savedItems(customer);
    }

    @Override
    public void save(SavedItem item, DomainEvent event) {
        Put saved = put(CustomerItems.toItem(item), ABSENT, KEY_NAME, Map.of());
        write(TransactionPart.of(List.of(action(saved)), reasons -> new StaleWriteException(
                item.sku() + " was saved meanwhile")), event);
    }

    @Override
    public void unsave(CustomerId customer, Sku sku, DomainEvent event) {
        Delete delete = Delete.builder().tableName(table).key(CustomerItems.key(customer, CustomerItems.savedItem(sku)))
                .conditionExpression(PRESENT).expressionAttributeNames(KEY_NAME).build();
        write(TransactionPart.of(List.of(TransactWriteItem.builder().delete(delete).build()),
                reasons -> new StaleWriteException(sku + " was removed meanwhile")), event);
    }

    /** The change and its event: one transaction, so the event exists if and only if the change committed. */
    private void write(TransactionPart change, DomainEvent event) {
        TransactionPart append = TransactionPart.unconditional(List.of(TransactWriteItem.builder().put(Put.builder()
                .tableName(outbox).item(OutboxRecord.of(List.of(event), event.occurredAt()).toItem()).build()).build()));
        transaction.write(List.of(change, append));
    }

    private Optional<Map<String, AttributeValue>> item(CustomerId customer, String item) {
        Map<String, AttributeValue> found = dynamo.getItem(b -> b.tableName(table)
                .key(CustomerItems.key(customer, item)).consistentRead(true)).item();
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    private Put put(Map<String, AttributeValue> item, String condition, Map<String, String> names,
                    Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression(condition)
                .expressionAttributeNames(names);
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return put.build();
    }

    private static TransactWriteItem action(Put put) {
        return TransactWriteItem.builder().put(put).build();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

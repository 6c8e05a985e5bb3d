package com.omnis.shared.privacy;

import com.omnis.shared.customer.CustomerItems;
import com.omnis.shared.domain.CustomerId;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link CustomerKeys} in the customer's partition of {@code CUSTOMERS_TABLE}: the {@code DATAKEY} item holds
 * the key wrapped by {@link KeyWrapping} ({@code wrappedKey}, {@code wrapping}, {@code createdAt}). A key is
 * made in one transaction that also checks the erasure marker is absent, so an erased customer never gets
 * a key again, and that no key is there yet, so two containers racing keep the first one.
 */
public final class DynamoCustomerKeys implements CustomerKeys {

    static final String WRAPPED_KEY = "wrappedKey";
    static final String WRAPPING = "wrapping";
    static final String CREATED_AT = "createdAt";
    private static final String ABSENT = "attribute_not_exists(#c)";
    private static final Map<String, String> NAMES = Map.of("#c", CustomerItems.CUSTOMER_ID);

    private final DynamoDbClient dynamo;
    private final String table;
    private final KeyWrapping wrapping;
    private final Clock clock;

    public DynamoCustomerKeys(DynamoDbClient dynamo, String table, KeyWrapping wrapping, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.wrapping = wrapping;
        this.clock = clock;
    }

    @Override
    public Optional<SecretKey> find(CustomerId customer) {
        // consistent: the key of an event just published was made a moment ago, maybe by another function
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(CustomerItems.key(customer, CustomerItems.DATA_KEY))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        String wrappedBy = item.get(WRAPPING) == null ? "" : item.get(WRAPPING).s();
        if (!wrappedBy.equals(wrapping.name())) {
            throw new IllegalStateException("the data key of a customer is wrapped by " + wrappedBy
                    + ", this function unwraps with " + wrapping.name());
        }
        return Optional.of(aes(wrapping.unwrap(customer, item.get(WRAPPED_KEY).b().asByteArray())));
    }

    @Override
    public Optional<SecretKey> findOrCreate(CustomerId customer) {
        Optional<SecretKey> existing = find(customer);
        if (existing.isPresent()) {
            return existing;
        }
        KeyWrapping.DataKey fresh = wrapping.generate(customer);
        Map<String, AttributeValue> item = new HashMap<>(CustomerItems.key(customer, CustomerItems.DATA_KEY));
        item.put(WRAPPED_KEY, AttributeValue.fromB(SdkBytes.fromByteArray(fresh.wrapped())));
        item.put(WRAPPING, AttributeValue.fromS(wrapping.name()));
        item.put(CREATED_AT, AttributeValue.fromS(clock.instant().toString()));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(List.of(
                    TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
                            .key(CustomerItems.key(customer, CustomerItems.ERASED))
                            .conditionExpression(ABSENT).expressionAttributeNames(NAMES)).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                            .conditionExpression(ABSENT).expressionAttributeNames(NAMES)).build())));
            return Optional.of(aes(fresh.plaintext()));
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (failed(reasons, 0)) {
                return Optional.empty();   // erased: no key, and none again
            }
            if (failed(reasons, 1)) {
                return find(customer);     // another container made it first: everybody uses that one
            }
            throw cancelled;
        }
    }

    @Override
    public void destroy(CustomerId customer) {
        dynamo.deleteItem(b -> b.tableName(table).key(CustomerItems.key(customer, CustomerItems.DATA_KEY)));
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons != null && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static SecretKey aes(byte[] key) {
        return new SecretKeySpec(key, "AES");
    }
}

package com.omnis.shared.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.aws.AwsEndpoints;
import com.omnis.shared.customer.CustomerItems;
import com.omnis.shared.domain.CustomerId;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The AWS adapter of the data keys: KMS wraps (moto or LocalStack in CI, through {@code AWS_ENDPOINT_URL}),
 * the wrapped key lives in a table with CustomersTable's keys (DynamoDB Local in CI), and PersonalData seals
 * and opens through the clients {@link AwsClients} builds for Lambda.
 */
class KmsCustomerKeysIT {

    private static final AwsClients KMS_SIDE = new AwsClients(AwsEndpoints.settingsFor("kms"));
    private static final KmsClient KMS = KMS_SIDE.configure(KmsClient.builder()).build();
    private static final DynamoDbClient DYNAMO = new AwsClients(AwsEndpoints.settingsFor("dynamodb")).dynamoDb();
    private static final String TABLE = AwsEndpoints.uniqueName("customers");
    private static final String KEY_ID = KMS.createKey(b -> b.description(TABLE)).keyMetadata().keyId();

    static {
        DYNAMO.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName(CustomerItems.CUSTOMER_ID).attributeType(ScalarAttributeType.S),
                        a -> a.attributeName(CustomerItems.ITEM).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(CustomerItems.CUSTOMER_ID).keyType(KeyType.HASH),
                        k -> k.attributeName(CustomerItems.ITEM).keyType(KeyType.RANGE)));
        DYNAMO.waiter().waitUntilTableExists(b -> b.tableName(TABLE));
    }

    private final CustomerKeys keys = new DynamoCustomerKeys(DYNAMO, TABLE, new KmsKeyWrapping(KMS, KEY_ID), Clock.systemUTC());

    @AfterAll
    static void cleanUp() {
        DYNAMO.deleteTable(b -> b.tableName(TABLE));
        KMS.scheduleKeyDeletion(b -> b.keyId(KEY_ID).pendingWindowInDays(7));
        DYNAMO.close();
        KMS.close();
    }

    @Test
    void aKeyMadeByKmsSealsInOneContainerOpensInAnotherAndIsGoneAfterItsDestruction() {
        // given
        CustomerId customer = CustomerId.of("it-" + TABLE);
        String sealed = new PersonalData(keys, Clock.systemUTC()).seal(customer, "Where is my parcel").orElseThrow();

        // then: stored wrapped by KMS, opened by a fresh container through KMS Decrypt
        Map<String, AttributeValue> item = DYNAMO.getItem(b -> b.tableName(TABLE).consistentRead(true)
                .key(CustomerItems.key(customer, CustomerItems.DATA_KEY))).item();
        assertThat(item.get(DynamoCustomerKeys.WRAPPING).s()).isEqualTo("kms");
        assertThat(item.get(DynamoCustomerKeys.WRAPPED_KEY).b().asByteArray().length).isGreaterThan(32);
        assertThat(new PersonalData(keys, Clock.systemUTC()).open(customer, sealed)).contains("Where is my parcel");

        // when
        new PersonalData(keys, Clock.systemUTC()).destroyKey(customer);

        // then
        assertThat(new PersonalData(keys, Clock.systemUTC()).open(customer, sealed)).isEmpty();
    }

    @Test
    void aWrappedKeyDoesNotUnwrapForAnotherCustomer() {
        CustomerId camille = CustomerId.of("it-camille-" + TABLE);
        CustomerId oliver = CustomerId.of("it-oliver-" + TABLE);
        KmsKeyWrapping wrapping = new KmsKeyWrapping(KMS, KEY_ID);
        KeyWrapping.DataKey key = wrapping.generate(camille);

        assertThat(wrapping.unwrap(camille, key.wrapped())).isEqualTo(key.plaintext());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> wrapping.unwrap(oliver, key.wrapped()))
                .as("the encryption context binds it to its customer").isInstanceOf(RuntimeException.class);
    }

    @Test
    void anErasedCustomerGetsNoKey() {
        CustomerId customer = CustomerId.of("it-erased-" + TABLE);
        DYNAMO.putItem(b -> b.tableName(TABLE).item(CustomerItems.key(customer, CustomerItems.ERASED)));

        assertThat(keys.findOrCreate(customer)).isEmpty();
        assertThat(keys.find(customer)).isEmpty();
    }
}

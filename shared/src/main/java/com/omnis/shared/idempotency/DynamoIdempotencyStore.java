package com.omnis.shared.idempotency;

import com.omnis.shared.dynamo.TransactionPart;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Idempotency records in {@code IDEMPOTENCY_TABLE} (key {@code id} = {@link IdempotencyKey#recordId()}),
 * laid out like Powertools' DynamoDB persistence layer: {@code status} INPROGRESS/COMPLETED,
 * {@code validation} (the request fingerprint), {@code data} (the response), {@code expiration}
 * (epoch seconds, the TTL attribute) and {@code in_progress_expiration} (epoch millis) after which a
 * crashed request's claim may be taken over.
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {

    static final String ID = "id";
    static final String STATUS = "status";
    static final String HASH = "validation";
    static final String DATA = "data";
    static final String EXPIRATION = "expiration";
    static final String IN_PROGRESS_EXPIRATION = "in_progress_expiration";
    static final String IN_PROGRESS = "INPROGRESS";
    static final String COMPLETED = "COMPLETED";

    /** The table's key, as the template must declare it. */
    public static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), ID, AttributeValueType.S)
            .build();

    /** Longer than the function timeout: a claim older than this belongs to a request that died. */
    public static final Duration IN_PROGRESS_TIMEOUT = Duration.ofSeconds(60);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoIdempotencyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Claim claim(IdempotencyKey key, RequestFingerprint fingerprint, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, AttributeValue.fromS(key.recordId()));
        item.put(STATUS, AttributeValue.fromS(IN_PROGRESS));
        item.put(HASH, AttributeValue.fromS(fingerprint.sha256()));
        item.put(EXPIRATION, number(now.plus(IN_PROGRESS_TIMEOUT).getEpochSecond()));
        item.put(IN_PROGRESS_EXPIRATION, number(now.plus(IN_PROGRESS_TIMEOUT).toEpochMilli()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#id) OR #expiration < :nowSeconds"
                            + " OR (#status = :inProgress AND #inProgressExpiration < :nowMillis)")
                    .expressionAttributeNames(Map.of("#id", ID, "#expiration", EXPIRATION, "#status", STATUS,
                            "#inProgressExpiration", IN_PROGRESS_EXPIRATION))
                    .expressionAttributeValues(Map.of(":nowSeconds", number(now.getEpochSecond()),
                            ":nowMillis", number(now.toEpochMilli()), ":inProgress", AttributeValue.fromS(IN_PROGRESS)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Claim.Acquired();
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> existing = e.hasItem() ? e.item() : Map.of();
            if (existing.isEmpty()) {
                // the record vanished between the condition and now: let the client retry
                return new Claim.InProgress();
            }
            if (!fingerprint.sha256().equals(existing.get(HASH).s())) {
                return new Claim.PayloadMismatch();
            }
            return COMPLETED.equals(existing.get(STATUS).s())
                    ? new Claim.Completed(existing.get(DATA).s())
                    : new Claim.InProgress();
        }
    }

    @Override
    public void abandon(IdempotencyKey key, RequestFingerprint fingerprint) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(Map.of(ID, AttributeValue.fromS(key.recordId())))
                    .conditionExpression("#status = :inProgress AND #hash = :hash")
                    .expressionAttributeNames(Map.of("#status", STATUS, "#hash", HASH))
                    .expressionAttributeValues(Map.of(":inProgress", AttributeValue.fromS(IN_PROGRESS),
                            ":hash", AttributeValue.fromS(fingerprint.sha256()))));
        } catch (ConditionalCheckFailedException e) {
            // completed or taken over meanwhile: nothing of ours to give up
        }
    }

    @Override
    public TransactionPart completion(IdempotencyKey key, RequestFingerprint fingerprint, String response,
                                      Instant expiresAt) {
        Map<String, AttributeValue> item = Map.of(ID, AttributeValue.fromS(key.recordId()),
                STATUS, AttributeValue.fromS(COMPLETED),
                HASH, AttributeValue.fromS(fingerprint.sha256()),
                DATA, AttributeValue.fromS(response),
                EXPIRATION, number(expiresAt.getEpochSecond()));
        // applies only while this request still owns the INPROGRESS claim
        TransactWriteItem put = TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("#status = :inProgress AND #hash = :hash")
                .expressionAttributeNames(Map.of("#status", STATUS, "#hash", HASH))
                .expressionAttributeValues(Map.of(":inProgress", AttributeValue.fromS(IN_PROGRESS),
                        ":hash", AttributeValue.fromS(fingerprint.sha256())))
                .build()).build();
        return TransactionPart.of(List.of(put), reasons -> new IdempotencyClaimLostException(key));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

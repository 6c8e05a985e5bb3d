package com.omnis.inventory.dynamo;

import com.omnis.inventory.service.IdempotencyStore;
import com.omnis.inventory.service.InventoryTransaction.IdempotencyCompletion;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Idempotency records in {@code IDEMPOTENCY_TABLE} (key {@code id}), laid out like Powertools'
 * DynamoDB persistence layer: {@code status} INPROGRESS/COMPLETED, {@code validation} (payload hash),
 * {@code data} (the result), {@code expiration} (epoch seconds, the TTL attribute) and
 * {@code in_progress_expiration} (epoch millis) after which a crashed request's claim may be taken over.
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
    static final Duration IN_PROGRESS_TIMEOUT = Duration.ofSeconds(60);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoIdempotencyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Claim claim(String key, String payloadHash, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, AttributeValue.fromS(key));
        item.put(STATUS, AttributeValue.fromS(IN_PROGRESS));
        item.put(HASH, AttributeValue.fromS(payloadHash));
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
            if (!payloadHash.equals(existing.get(HASH).s())) {
                return new Claim.PayloadMismatch();
            }
            return COMPLETED.equals(existing.get(STATUS).s())
                    ? new Claim.Completed(existing.get(DATA).s())
                    : new Claim.InProgress();
        }
    }

    @Override
    public void abandon(String key, String payloadHash) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(Map.of(ID, AttributeValue.fromS(key)))
                    .conditionExpression("#status = :inProgress AND #hash = :hash")
                    .expressionAttributeNames(Map.of("#status", STATUS, "#hash", HASH))
                    .expressionAttributeValues(Map.of(":inProgress", AttributeValue.fromS(IN_PROGRESS),
                            ":hash", AttributeValue.fromS(payloadHash))));
        } catch (ConditionalCheckFailedException e) {
            // completed or taken over meanwhile: nothing of ours to give up
        }
    }

    /** The COMPLETED record, written in the same transaction as the change it records. */
    static Map<String, AttributeValue> completedItem(IdempotencyCompletion completion) {
        return Map.of(ID, AttributeValue.fromS(completion.key()),
                STATUS, AttributeValue.fromS(COMPLETED),
                HASH, AttributeValue.fromS(completion.payloadHash()),
                DATA, AttributeValue.fromS(completion.result()),
                EXPIRATION, number(completion.expiresAt().getEpochSecond()));
    }

    /** The completion applies only while this request still owns the INPROGRESS claim. */
    static DynamoInventoryStore.Condition ownedCondition(String payloadHash) {
        return new DynamoInventoryStore.Condition("#status = :inProgress AND #hash = :hash",
                Map.of("#status", STATUS, "#hash", HASH),
                Map.of(":inProgress", AttributeValue.fromS(IN_PROGRESS), ":hash", AttributeValue.fromS(payloadHash)));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

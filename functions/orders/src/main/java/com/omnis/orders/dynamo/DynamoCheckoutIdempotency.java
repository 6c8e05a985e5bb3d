package com.omnis.orders.dynamo;

import com.omnis.orders.service.CheckoutIdempotency;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Checkout's idempotency records in {@code IDEMPOTENCY_TABLE}, in the Powertools layout the table
 * already has (id, status, validation, data, expiration, in_progress_expiration). To be replaced by
 * the kernel's {@code shared.idempotency} when it lands on main.
 */
public final class DynamoCheckoutIdempotency implements CheckoutIdempotency {

    static final String ID = "id";
    static final String STATUS = "status";
    static final String HASH = "validation";
    static final String DATA = "data";
    static final String EXPIRATION = "expiration";
    static final String IN_PROGRESS_EXPIRATION = "in_progress_expiration";
    static final String IN_PROGRESS = "INPROGRESS";
    static final String COMPLETED = "COMPLETED";

    /** Longer than the function timeout: a claim older than this belongs to a request that died. */
    static final Duration IN_PROGRESS_TIMEOUT = Duration.ofSeconds(60);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCheckoutIdempotency(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Claim claim(String key, String fingerprint, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(ID, AttributeValue.fromS(key));
        item.put(STATUS, AttributeValue.fromS(IN_PROGRESS));
        item.put(HASH, AttributeValue.fromS(fingerprint));
        item.put(EXPIRATION, n(now.plus(IN_PROGRESS_TIMEOUT).getEpochSecond()));
        item.put(IN_PROGRESS_EXPIRATION, n(now.plus(IN_PROGRESS_TIMEOUT).toEpochMilli()));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#id) OR #expiration < :nowSeconds"
                            + " OR (#status = :inProgress AND #inProgressExpiration < :nowMillis)")
                    .expressionAttributeNames(Map.of("#id", ID, "#expiration", EXPIRATION, "#status", STATUS,
                            "#inProgressExpiration", IN_PROGRESS_EXPIRATION))
                    .expressionAttributeValues(Map.of(":nowSeconds", n(now.getEpochSecond()),
                            ":nowMillis", n(now.toEpochMilli()), ":inProgress", AttributeValue.fromS(IN_PROGRESS)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return new Claim.Acquired();
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> existing = e.hasItem() ? e.item() : Map.of();
            if (existing.isEmpty()) {
                return new Claim.InProgress();
            }
            if (!fingerprint.equals(existing.get(HASH).s())) {
                return new Claim.PayloadMismatch();
            }
            return COMPLETED.equals(existing.get(STATUS).s()) ? new Claim.Completed(existing.get(DATA).s())
                    : new Claim.InProgress();
        }
    }

    @Override
    public void abandon(String key, String fingerprint) {
        try {
            dynamo.deleteItem(b -> b.tableName(table).key(Map.of(ID, AttributeValue.fromS(key)))
                    .conditionExpression("#status = :inProgress AND #hash = :hash")
                    .expressionAttributeNames(Map.of("#status", STATUS, "#hash", HASH))
                    .expressionAttributeValues(Map.of(":inProgress", AttributeValue.fromS(IN_PROGRESS),
                            ":hash", AttributeValue.fromS(fingerprint))));
        } catch (ConditionalCheckFailedException e) {
            // completed or taken over meanwhile: nothing of ours to give up
        }
    }

    /** The COMPLETED record, as a transaction action that applies only while the claim is still ours. */
    TransactWriteItem completion(Completion completion) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table)
                .item(Map.of(ID, AttributeValue.fromS(completion.key()), STATUS, AttributeValue.fromS(COMPLETED),
                        HASH, AttributeValue.fromS(completion.fingerprint()), DATA, AttributeValue.fromS(completion.response()),
                        EXPIRATION, n(completion.expiresAt().getEpochSecond())))
                .conditionExpression("#status = :inProgress AND #hash = :hash")
                .expressionAttributeNames(Map.of("#status", STATUS, "#hash", HASH))
                .expressionAttributeValues(Map.of(":inProgress", AttributeValue.fromS(IN_PROGRESS),
                        ":hash", AttributeValue.fromS(completion.fingerprint())))
                .build()).build();
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

package com.omnis.notifications.dynamo;

import static com.omnis.notifications.dynamo.MessageItems.n;
import static com.omnis.notifications.dynamo.MessageItems.s;

import com.omnis.notifications.domain.ClaimKey;
import com.omnis.notifications.domain.ClaimState;
import com.omnis.notifications.domain.Delivery;
import com.omnis.notifications.domain.MessageChannel;
import com.omnis.notifications.domain.OrderSummary;
import com.omnis.notifications.domain.Suppression;
import com.omnis.notifications.service.MessageStore;
import com.omnis.notifications.service.OrderBook;
import com.omnis.shared.dynamo.Cursor;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.error.InvalidInputException;
import com.omnis.shared.privacy.ContactHash;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** {@link MessageStore} and {@link OrderBook} on {@code MESSAGES_TABLE} (layout: {@link MessageItems}). */
public final class DynamoMessageStore implements MessageStore, OrderBook {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMessageStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Claim> claim(ClaimKey key) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(MessageItems.claimKey(key))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Claim(ClaimState.valueOf(item.get(MessageItems.STATE).s()),
                Instant.parse(item.get(MessageItems.AT).s())));
    }

    @Override
    public boolean startSending(ClaimKey key, boolean fromDeferred, Instant at) {
        Map<String, AttributeValue> item = claimItem(key, ClaimState.SENDING, at);
        try {
            dynamo.putItem(r -> {
                r.tableName(table).item(item);
                if (fromDeferred) {
                    r.conditionExpression("#state = :deferred").expressionAttributeNames(Map.of("#state", MessageItems.STATE))
                            .expressionAttributeValues(Map.of(":deferred", s(ClaimState.DEFERRED.name())));
                } else {
                    r.conditionExpression("attribute_not_exists(" + MessageItems.PK + ")");
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void sent(ClaimKey key, Delivery log) {
        dynamo.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(claimItem(key, ClaimState.SENT, log.at()))
                        .conditionExpression("#state = :sending").expressionAttributeNames(Map.of("#state", MessageItems.STATE))
                        .expressionAttributeValues(Map.of(":sending", s(ClaimState.SENDING.name()))).build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(MessageItems.log(log, key)).build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(MessageItems.deferredKey(key)).build())
                        .build()));
    }

    @Override
    public void release(ClaimKey key, boolean toDeferred) {
        try {
            if (toDeferred) {
                dynamo.updateItem(r -> r.tableName(table).key(MessageItems.claimKey(key))
                        .updateExpression("SET #state = :deferred")
                        .conditionExpression("#state = :sending")
                        .expressionAttributeNames(Map.of("#state", MessageItems.STATE))
                        .expressionAttributeValues(Map.of(":deferred", s(ClaimState.DEFERRED.name()),
                                ":sending", s(ClaimState.SENDING.name()))));
            } else {
                dynamo.deleteItem(r -> r.tableName(table).key(MessageItems.claimKey(key))
                        .conditionExpression("#state = :sending")
                        .expressionAttributeNames(Map.of("#state", MessageItems.STATE))
                        .expressionAttributeValues(Map.of(":sending", s(ClaimState.SENDING.name()))));
            }
        } catch (ConditionalCheckFailedException e) {
            // the claim moved on (settled by a later delivery as uncertain): nothing of ours to give back
        }
    }

    @Override
    public boolean settle(ClaimKey key, Optional<ClaimState> from, ClaimState to, Delivery log, Optional<Deferred> deferred) {
        Put.Builder claim = Put.builder().tableName(table).item(claimItem(key, to, log.at()));
        if (from.isPresent()) {
            claim.conditionExpression("#state = :from").expressionAttributeNames(Map.of("#state", MessageItems.STATE))
                    .expressionAttributeValues(Map.of(":from", s(from.get().name())));
        } else {
            claim.conditionExpression("attribute_not_exists(" + MessageItems.PK + ")");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(claim.build()).build());
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(MessageItems.log(log, key)).build()).build());
        if (deferred.isPresent()) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(MessageItems.deferred(key,
                    deferred.get().request(), deferred.get().channel(), deferred.get().notBefore())).build()).build());
        } else {
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(MessageItems.deferredKey(key))
                    .build()).build());
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.cancellationReasons().stream().anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()))) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<Deferred> dueDeferred(Instant now, int limit) {
        QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table).indexName(MessageItems.BY_DUE)
                .keyConditionExpression("#bucket = :due AND #notBefore <= :now")
                .expressionAttributeNames(Map.of("#bucket", MessageItems.DUE_BUCKET, "#notBefore", MessageItems.NOT_BEFORE))
                .expressionAttributeValues(Map.of(":due", s(MessageItems.DUE), ":now", s(now.toString())))
                .limit(limit).build());
        return response.items().stream().map(item -> new Deferred(MessageItems.readRequest(item.get(MessageItems.REQUEST).s()),
                MessageChannel.of(item.get(MessageItems.CHANNEL).s()), Instant.parse(item.get(MessageItems.NOT_BEFORE).s())))
                .toList();
    }

    @Override
    public Optional<String> suppression(String address) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(MessageItems.suppressionKey(address)))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get(MessageItems.REASON).s());
    }

    @Override
    public void suppress(String address, String reason, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(MessageItems.suppressionKey(address));
        item.put(MessageItems.REASON, s(reason));
        item.put(MessageItems.AT, s(at.toString()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    @Override
    public Optional<String> optOut(String address) {
        Set<String> hashes = new LinkedHashSet<>(List.of(ContactHash.of(address), ContactHash.of(Suppression.normalise(address))));
        for (String hash : hashes) {
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(MessageItems.optOutKey(hash))).item();
            if (item != null && !item.isEmpty()) {
                return Optional.of(item.get(MessageItems.REASON).s());
            }
        }
        return Optional.empty();
    }

    @Override
    public void keepOptOut(String contactHash, String channel, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(MessageItems.optOutKey(contactHash));
        item.put(MessageItems.REASON, s(Suppression.MARKETING_WITHDRAWN.code()));
        item.put(MessageItems.CHANNEL, s(channel));
        item.put(MessageItems.AT, s(at.toString()));
        // the first erasure's instant stays: a redelivery keeps the same entry
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(" + MessageItems.PK + ")"));
        } catch (ConditionalCheckFailedException alreadyKept) {
            // the same opt-out, kept by an earlier delivery or another erasure of that contact
        }
    }

    @Override
    public Erased erase(String customerId) {
        Set<Map<String, AttributeValue>> logLines = new LinkedHashSet<>();
        Set<Map<String, AttributeValue>> candidates = new LinkedHashSet<>();
        dynamo.queryPaginator(QueryRequest.builder().tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", MessageItems.PK))
                .expressionAttributeValues(Map.of(":pk", s(MessageItems.customerPk(customerId)))).build())
                .items().forEach(item -> {
                    logLines.add(MessageItems.key(item.get(MessageItems.PK).s(), item.get(MessageItems.SK).s()));
                    // a claim written before claims carried customerId is not in byCustomer: its log line names it
                    MessageItems.claimPkOf(item, customerId).ifPresent(pk -> {
                        candidates.add(MessageItems.key(pk, MessageItems.CLAIM));
                        candidates.add(MessageItems.key(pk, MessageItems.DEFERRED));
                    });
                });
        dynamo.queryPaginator(QueryRequest.builder().tableName(table).indexName(MessageItems.BY_CUSTOMER)
                .keyConditionExpression("#customer = :customer")
                .expressionAttributeNames(Map.of("#customer", MessageItems.CUSTOMER_ID))
                .expressionAttributeValues(Map.of(":customer", s(customerId))).build())
                .items().forEach(item -> candidates.add(MessageItems.key(item.get(MessageItems.PK).s(),
                        item.get(MessageItems.SK).s())));
        candidates.add(MessageItems.capKey(customerId));
        // the index is eventually consistent and the log-derived keys are guesses: count what the table holds
        List<Map<String, AttributeValue>> records = existing(candidates);
        delete(new ArrayList<>(logLines));
        delete(records);
        return new Erased(logLines.size(), records.size());
    }

    private List<Map<String, AttributeValue>> existing(Set<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        List<Map<String, AttributeValue>> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += MAX_BATCH_GET) {
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                    .keys(all.subList(from, Math.min(all.size(), from + MAX_BATCH_GET))).consistentRead(true)
                    .projectionExpression("#pk, #sk")
                    .expressionAttributeNames(Map.of("#pk", MessageItems.PK, "#sk", MessageItems.SK)).build());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                backOff(attempt);
                BatchGetItemResponse response = dynamo.batchGetItem(BatchGetItemRequest.builder().requestItems(request).build());
                response.responses().getOrDefault(table, List.of()).forEach(item -> found.add(
                        MessageItems.key(item.get(MessageItems.PK).s(), item.get(MessageItems.SK).s())));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    private void delete(List<Map<String, AttributeValue>> keys) {
        for (int from = 0; from < keys.size(); from += MAX_BATCH_WRITE) {
            Map<String, List<WriteRequest>> request = Map.of(table, keys.subList(from, Math.min(keys.size(), from + MAX_BATCH_WRITE))
                    .stream().map(key -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build())
                    .toList());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                backOff(attempt);
                BatchWriteItemResponse response = dynamo.batchWriteItem(BatchWriteItemRequest.builder().requestItems(request).build());
                request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    /** Before the attempt-th try of a batch's unprocessed part: nothing, then 50 ms doubling; the event is retried after 8. */
    private static void backOff(int attempt) {
        if (attempt == 0) {
            return;
        }
        if (attempt > BATCH_ATTEMPTS) {
            throw new IllegalStateException("the messages table kept throttling a batch: the event is delivered again");
        }
        try {
            Thread.sleep(50L << Math.min(attempt - 1, 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a batch waited", e);
        }
    }

    private static final int MAX_BATCH_GET = 100;
    private static final int MAX_BATCH_WRITE = 25;
    private static final int BATCH_ATTEMPTS = 8;

    @Override
    public boolean takeMarketingDay(String customerId, LocalDate day) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(MessageItems.capKey(customerId))
                    .updateExpression("SET #day = :day")
                    .conditionExpression("attribute_not_exists(#day) OR #day <> :day")
                    .expressionAttributeNames(Map.of("#day", MessageItems.DAY))
                    .expressionAttributeValues(Map.of(":day", s(day.toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean marketingSentOn(String customerId, LocalDate day) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(MessageItems.capKey(customerId))
                .consistentRead(true)).item();
        return item != null && item.containsKey(MessageItems.DAY) && item.get(MessageItems.DAY).s().equals(day.toString());
    }

    @Override
    public void releaseMarketingDay(String customerId, LocalDate day) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(MessageItems.capKey(customerId))
                    .conditionExpression("#day = :day")
                    .expressionAttributeNames(Map.of("#day", MessageItems.DAY))
                    .expressionAttributeValues(Map.of(":day", s(day.toString()))));
        } catch (ConditionalCheckFailedException e) {
            // another day's message holds the slot now
        }
    }

    @Override
    public Page<Delivery> log(String customerId, int limit, Optional<String> cursor) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :log)")
                .expressionAttributeNames(Map.of("#pk", MessageItems.PK, "#sk", MessageItems.SK))
                .expressionAttributeValues(Map.of(":pk", s(MessageItems.customerPk(customerId)), ":log", s(MessageItems.LOG_PREFIX)))
                .scanIndexForward(false).limit(limit);
        if (cursor.isPresent()) {
            Map<String, AttributeValue> start = Cursor.decode(cursor.get(), java.util.Set.of(MessageItems.PK, MessageItems.SK),
                    Map.of(MessageItems.PK, MessageItems.customerPk(customerId)));
            if (!start.get(MessageItems.SK).s().startsWith(MessageItems.LOG_PREFIX)) {
                throw InvalidInputException.of("query cursor", "is not a cursor returned by this API");
            }
            query.exclusiveStartKey(start);
        }
        QueryResponse response = dynamo.query(query.build());
        return new Page<>(response.items().stream().map(MessageItems::delivery).toList(),
                response.hasLastEvaluatedKey() ? Cursor.encode(response.lastEvaluatedKey()) : null);
    }

    @Override
    public void remember(OrderSummary order) {
        dynamo.putItem(r -> r.tableName(table).item(MessageItems.order(order)));
    }

    @Override
    public Optional<OrderSummary> find(String orderId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(MessageItems.orderKey(orderId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(MessageItems.order(item));
    }

    private static Map<String, AttributeValue> claimItem(ClaimKey key, ClaimState state, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(MessageItems.claimKey(key));
        item.put(MessageItems.STATE, s(state.name()));
        item.put(MessageItems.AT, s(at.toString()));
        item.put(MessageItems.CUSTOMER_ID, s(key.customerId()));
        item.put(MessageItems.EXPIRES_AT, n(at.plus(MessageItems.CLAIM_RETENTION).getEpochSecond()));
        return item;
    }
}

package com.omnis.customers.dynamo;

import com.omnis.customers.domain.Interaction;
import com.omnis.customers.domain.TimelineEntry;
import com.omnis.customers.service.ActivityStore;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.customer.CustomerItems;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.dynamo.Cursor;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.dynamo.Transaction;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.error.InvalidInputException;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** {@link ActivityStore} on the customer's partition of {@code CUSTOMERS_TABLE} (layout: {@link ActivityItems}). */
public final class DynamoActivityStore implements ActivityStore {

    private static final Set<String> KEY = Set.of(CustomerItems.CUSTOMER_ID, CustomerItems.ITEM);

    /** Query rounds one filtered timeline page may take. */
    private static final int MAX_ROUNDS = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final String outbox;
    private final Transaction transaction;

    public DynamoActivityStore(DynamoDbClient dynamo, String table, String outbox) {
        this.dynamo = dynamo;
        this.table = table;
        this.outbox = outbox;
        this.transaction = new Transaction(dynamo);
    }

    @Override
    public boolean appendToTimeline(TimelineEntry entry) {
        try {
            dynamo.putItem(b -> b.tableName(table).item(ActivityItems.toItem(entry))
                    .conditionExpression("attribute_not_exists(#c)")
                    .expressionAttributeNames(Map.of("#c", CustomerItems.CUSTOMER_ID)));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }

    @Override
    public Page<TimelineEntry> timeline(CustomerId customer, Set<String> types, int limit, Optional<String> cursor) {
        Map<String, String> names = new HashMap<>(Map.of("#c", CustomerItems.CUSTOMER_ID, "#i", CustomerItems.ITEM));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":c", s(customer.value()),
                ":p", s(CustomerItems.TIMELINE_PREFIX)));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("#c = :c AND begins_with(#i, :p)")
                .scanIndexForward(false);
        if (!types.isEmpty()) {
            List<String> placeholders = new ArrayList<>();
            int n = 0;
            for (String type : types) {
                placeholders.add(":t" + n);
                values.put(":t" + n++, s(type));
            }
            names.put("#type", ActivityItems.TYPE);
            query.filterExpression("#type IN (" + String.join(", ", placeholders) + ")");
        }
        query.expressionAttributeNames(names).expressionAttributeValues(values);
        // a filter drops items after the limit: read on until the page is full, the timeline ends, or the
        // rounds run out (then the page is short but has a cursor); each round reads only what is missing
        List<TimelineEntry> entries = new ArrayList<>();
        Map<String, AttributeValue> start = cursor.map(raw -> timelineStart(raw, customer)).orElse(null);
        for (int round = 0; round < MAX_ROUNDS && entries.size() < limit; round++) {
            QueryResponse page = dynamo.query(query.limit(limit - entries.size()).exclusiveStartKey(start).build());
            page.items().forEach(item -> entries.add(ActivityItems.timelineFromItem(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            if (start == null) {
                break;
            }
        }
        return new Page<>(entries, start == null ? null : Cursor.encode(start));
    }

    /** A cursor of this customer's timeline only: any other key is outside the query and is a 400, not a 500. */
    private static Map<String, AttributeValue> timelineStart(String raw, CustomerId customer) {
        Map<String, AttributeValue> start = Cursor.decode(raw, KEY, Map.of(CustomerItems.CUSTOMER_ID, customer.value()));
        if (!start.get(CustomerItems.ITEM).s().startsWith(CustomerItems.TIMELINE_PREFIX)) {
            throw InvalidInputException.of("query cursor", "is not a cursor of this listing");
        }
        return start;
    }

    @Override
    public void record(Interaction interaction, DomainEvent event) {
        // the id is new (a UUID): nothing to condition on
        Put put = Put.builder().tableName(table).item(ActivityItems.toItem(interaction)).build();
        TransactionPart append = TransactionPart.unconditional(List.of(TransactWriteItem.builder().put(Put.builder()
                .tableName(outbox).item(OutboxRecord.of(List.of(event), event.occurredAt()).toItem()).build()).build()));
        transaction.write(List.of(TransactionPart.unconditional(List.of(TransactWriteItem.builder().put(put).build())),
                append));
    }

    @Override
    public boolean recordOnce(Interaction interaction, DomainEvent event) {
        // the id is derived from the contact-centre's own id: a redelivery finds it there and writes nothing
        Put put = Put.builder().tableName(table).item(ActivityItems.toItem(interaction))
                .conditionExpression("attribute_not_exists(#item)")
                .expressionAttributeNames(java.util.Map.of("#item", CustomerItems.ITEM)).build();
        TransactionPart append = TransactionPart.unconditional(List.of(TransactWriteItem.builder().put(Put.builder()
                .tableName(outbox).item(OutboxRecord.of(List.of(event), event.occurredAt()).toItem()).build()).build()));
        try {
            transaction.write(List.of(TransactionPart.of(List.of(TransactWriteItem.builder().put(put).build()),
                    reasons -> new AlreadyRecorded()), append));
            return true;
        } catch (AlreadyRecorded e) {
            return false;
        }
    }

    private static final class AlreadyRecorded extends RuntimeException {
        AlreadyRecorded() {
            super("already recorded", null, false, false);
        }
    }

    @Override
    public List<Interaction> interactions(CustomerId customer, int limit) {
        return newest(customer, CustomerItems.INTERACTION_PREFIX, limit).stream()
                .map(ActivityItems::interactionFromItem).toList();
    }

    @Override
    public void recordView(CustomerId customer, Actor viewer, String route, Instant at, String requestId) {
        dynamo.putItem(b -> b.tableName(table).item(ActivityItems.viewToItem(customer, viewer, route, at, requestId)));
    }

    @Override
    public List<View> views(CustomerId customer, int limit) {
        return newest(customer, CustomerItems.VIEWED_PREFIX, limit).stream().map(ActivityItems::viewFromItem).toList();
    }

    private List<Map<String, AttributeValue>> newest(CustomerId customer, String prefix, int limit) {
        return dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("#c = :c AND begins_with(#i, :p)")
                .expressionAttributeNames(Map.of("#c", CustomerItems.CUSTOMER_ID, "#i", CustomerItems.ITEM))
                .expressionAttributeValues(Map.of(":c", s(customer.value()), ":p", s(prefix)))
                .scanIndexForward(false).limit(limit)).items();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}

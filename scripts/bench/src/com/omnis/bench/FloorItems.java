package com.omnis.bench;

import com.omnis.shared.events.OutboxRecord;
import com.omnis.shared.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The write side of a floor: the items a real call of a handler left behind (its reservation, order, outbox
 * and idempotency records), found after the call and put again at their size under new keys. A floor made of
 * them writes what the access pattern must write and no more, so that an item grown by a change shows up in
 * both the handler's units and its floor, and what the handler adds on top stays visible in the ratio.
 */
final class FloorItems {

    private final DynamoDbClient dynamo;
    private final Map<String, String> tables;
    private final Map<String, String> partitionKeys = new HashMap<>();

    FloorItems(DynamoDbClient dynamo, Map<String, String> tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    /** Every item of {@code table} (its template name) whose attributes mention {@code text}; at least one. */
    List<Map<String, AttributeValue>> mentioning(String table, String text) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        dynamo.scanPaginator(r -> r.tableName(tables.get(table))).items().forEach(item -> {
            // an outbox item keeps its events compressed: what they mention is read through them
            String events = table.equals("OutboxTable") ? Json.write(OutboxRecord.eventsOf(item)) : "";
            if (item.toString().contains(text) || events.contains(text)) {
                found.add(item);
            }
        });
        if (found.isEmpty()) {
            throw new IllegalStateException("no item of " + table + " mentions " + text);
        }
        return found;
    }

    /** Adds to {@code actions} a put of each of {@code items}, its partition key made unique to {@code call}. */
    void copies(List<TransactWriteItem> actions, String table, List<Map<String, AttributeValue>> items, String call) {
        String name = tables.get(table);
        String partitionKey = partitionKeys.computeIfAbsent(table,
                t -> dynamo.describeTable(r -> r.tableName(name)).table().keySchema().get(0).attributeName());
        for (int i = 0; i < items.size(); i++) {
            Map<String, AttributeValue> copy = new HashMap<>(items.get(i));
            copy.put(partitionKey, AttributeValue.fromS("perf-floor-" + call + "-" + i));
            actions.add(TransactWriteItem.builder().put(p -> p.tableName(name).item(copy)).build());
        }
    }
}

package com.omnis.shared.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@link MessageHistory} on {@code MESSAGES_TABLE}: queries the partition {@code CUSTOMER#<customer>} (log
 * lines only), newest first. IAM: {@code dynamodb:Query} on the messages table's ARN. A tolerant reader:
 * attributes it does not know are kept in the export and ignored in the summary; one it needs and does not
 * find reads as null.
 */
public final class DynamoMessageHistory implements MessageHistory {

    /** Log lines read per page while looking for {@code limit} distinct messages. */
    private static final int PAGE = 50;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMessageHistory(DynamoDbClient dynamo, String messagesTable) {
        this.dynamo = dynamo;
        this.table = messagesTable;
    }

    @Override
    public List<MessageSummary> recent(CustomerId customer, int limit) {
        if (limit < 1) {
            return List.of();
        }
        Set<String> seen = new LinkedHashSet<>();
        List<MessageSummary> recent = new ArrayList<>();
        // newest first: the first line of a message seen is its latest state
        for (var page : dynamo.queryPaginator(log(customer).limit(Math.max(limit, PAGE)).build())) {
            for (Map<String, AttributeValue> item : page.items()) {
                String messageId = MessageLayout.messageId(item.get(MessageLayout.SK).s());
                if (seen.add(messageId)) {
                    recent.add(summary(messageId, item));
                    if (recent.size() == limit) {
                        return recent;
                    }
                }
            }
        }
        return recent;
    }

    @Override
    public List<JsonNode> all(CustomerId customer) {
        List<JsonNode> lines = new ArrayList<>();
        dynamo.queryPaginator(log(customer).build()).items().forEach(item -> lines.add(json(item)));
        return lines;
    }

    private QueryRequest.Builder log(CustomerId customer) {
        return QueryRequest.builder().tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :log)")
                .expressionAttributeNames(Map.of("#pk", MessageLayout.PK, "#sk", MessageLayout.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MessageLayout.customerPk(customer.value())),
                        ":log", AttributeValue.fromS(MessageLayout.LOG_PREFIX)))
                .scanIndexForward(false);
    }

    private static MessageSummary summary(String messageId, Map<String, AttributeValue> item) {
        return new MessageSummary(messageId, text(item, MessageLayout.KIND), text(item, MessageLayout.PURPOSE),
                text(item, MessageLayout.CHANNEL), text(item, MessageLayout.OUTCOME), text(item, MessageLayout.REASON),
                instant(text(item, MessageLayout.AT)), text(item, MessageLayout.REFERENCE), text(item, MessageLayout.EVENT_TYPE));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A stored item as JSON, attribute by attribute (strings, numbers, booleans, lists, maps), whatever it holds. */
    private static ObjectNode json(Map<String, AttributeValue> item) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        item.forEach((name, value) -> node.set(name, json(value)));
        return node;
    }

    private static JsonNode json(AttributeValue value) {
        if (value.s() != null) {
            return Json.MAPPER.getNodeFactory().textNode(value.s());
        }
        if (value.n() != null) {
            return Json.MAPPER.getNodeFactory().numberNode(new java.math.BigDecimal(value.n()));
        }
        if (value.bool() != null) {
            return Json.MAPPER.getNodeFactory().booleanNode(value.bool());
        }
        if (value.hasM()) {
            return json(value.m());
        }
        if (value.hasL()) {
            var array = Json.MAPPER.createArrayNode();
            value.l().forEach(v -> array.add(json(v)));
            return array;
        }
        if (value.hasSs()) {
            var array = Json.MAPPER.createArrayNode();
            value.ss().forEach(array::add);
            return array;
        }
        return Json.MAPPER.getNodeFactory().nullNode();
    }
}

package com.omnis.carts.dynamo;

import com.omnis.carts.service.CartOutbox;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The carts' events on {@code OUTBOX_TABLE}: one item per event, put under a new id. An event that stands
 * alone (a cart sent back changes no cart) is committed by this one put.
 */
public final class DynamoCartOutbox implements CartOutbox {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCartOutbox(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void append(DomainEvent event) {
        dynamo.putItem(PutItemRequest.builder().tableName(table)
                .item(OutboxRecord.of(List.of(event), event.occurredAt()).toItem())
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", OutboxRecord.ID))
                .build());
    }
}

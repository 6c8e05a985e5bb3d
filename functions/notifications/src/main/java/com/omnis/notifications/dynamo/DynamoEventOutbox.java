package com.omnis.notifications.dynamo;

import com.omnis.notifications.service.EventOutbox;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link EventOutbox} on {@code OUTBOX_TABLE}: one item per event (needs {@code dynamodb:PutItem} on the table only). */
public final class DynamoEventOutbox implements EventOutbox {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoEventOutbox(DynamoDbClient dynamo, String outboxTable) {
        this.dynamo = dynamo;
        this.table = outboxTable;
    }

    @Override
    public void append(DomainEvent event) {
        dynamo.putItem(r -> r.tableName(table).item(OutboxRecord.of(List.of(event), event.occurredAt()).toItem()));
    }
}

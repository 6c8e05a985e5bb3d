package com.omnis.relay;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.omnis.shared.aws.AwsClients;
import com.omnis.shared.config.Settings;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import com.omnis.shared.lambda.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The outbox table's stream → the EventBridge bus. Only INSERTs are relayed (the template's
 * FilterCriteria already drops the TTL's REMOVEs). A poison item goes to the dead-letter queue of
 * {@code POISON_QUEUE_URL} with its content; transient failures are reported per item so that Lambda
 * retries from the first one that did not go out.
 */
public final class EventRelayHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final OutboxRelay relay;
    private final Invocation invocation;

    public EventRelayHandler() {
        this(Settings.current(), Invocation.of(Settings.current()));
    }

    private EventRelayHandler(Settings settings, Invocation invocation) {
        this(fromSettings(settings, invocation), invocation);
    }

    public EventRelayHandler(OutboxRelay relay) {
        this(relay, Invocation.of(Settings.current()));
    }

    /** With the boundary whose metrics {@code relay} counts on: they are flushed once per batch. */
    public EventRelayHandler(OutboxRelay relay, Invocation invocation) {
        this.relay = relay;
        this.invocation = invocation;
    }

    private static OutboxRelay fromSettings(Settings settings, Invocation invocation) {
        AwsClients aws = new AwsClients(settings);
        EventBridgeClient client = aws.configure(EventBridgeClient.builder()).build();
        SqsClient sqs = aws.configure(SqsClient.builder()).build();
        return new OutboxRelay(new EventBridgePublisher(client, settings.require("EVENT_BUS_NAME")),
                new SqsDeadLetters(sqs, settings.require("POISON_QUEUE_URL")), invocation.metrics());
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        return invocation.run(context, () -> {
            List<OutboxRelay.Item> items = new ArrayList<>();
            for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
                if ("INSERT".equals(record.getEventName())) {
                    items.add(OutboxStreamRecords.item(record, events(record)));
                }
            }
            List<StreamsEventResponse.BatchItemFailure> failures = relay.relay(items).stream()
                    .map(sequence -> StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequence).build())
                    .toList();
            return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
        });
    }

    private static Optional<List<DomainEvent>> events(DynamodbEvent.DynamodbStreamRecord record) {
        var image = record.getDynamodb().getNewImage();
        AttributeValue events = image == null ? null : image.get(OutboxRecord.EVENTS);
        if (events == null || (events.getB() == null && events.getS() == null)) {
            return Optional.empty();
        }
        try {
            return Optional.of(events.getB() != null ? OutboxRecord.parseEvents(OutboxStreamRecords.bytes(events.getB()))
                    : OutboxRecord.parseEvents(events.getS()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}

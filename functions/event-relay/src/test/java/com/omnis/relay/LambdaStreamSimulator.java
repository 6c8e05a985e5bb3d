package com.omnis.relay;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.omnis.shared.events.OutboxRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What Lambda's DynamoDB stream poller does with the relay, on one shard: batches from the checkpoint,
 * ReportBatchItemFailures (the checkpoint moves to the lowest failed sequence number and the rest is
 * retried), and after {@code maximumRetryAttempts} attempts without progress the batch is skipped and
 * only its coordinates go to the on-failure destination, as the template's mapping configures.
 */
final class LambdaStreamSimulator {

    static final String STREAM = OutboxRelayTest.STREAM;

    /** What the on-failure destination received: the sequence numbers of a skipped batch. */
    final List<List<String>> onFailureDestination = new ArrayList<>();
    int invocations;

    private final List<DynamodbEvent.DynamodbStreamRecord> shard = new ArrayList<>();
    private final int batchSize;
    private final int maximumRetryAttempts;

    LambdaStreamSimulator(int batchSize, int maximumRetryAttempts) {
        this.batchSize = batchSize;
        this.maximumRetryAttempts = maximumRetryAttempts;
    }

    /** A committed outbox item, as its INSERT reaches the stream. */
    void commit(OutboxRecord record) {
        Map<String, AttributeValue> image = new HashMap<>();
        record.toItem().forEach((name, value) -> image.put(name, value.s() != null ? new AttributeValue().withS(value.s())
                : value.b() != null ? new AttributeValue().withB(value.b().asByteBuffer()) : new AttributeValue().withN(value.n())));
        append(image);
    }

    /** An item whose events attribute no reader understands. */
    void commitUnreadable(String outboxId, String events) {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put(OutboxRecord.ID, new AttributeValue().withS(outboxId));
        image.put(OutboxRecord.EVENTS, new AttributeValue().withS(events));
        append(image);
    }

    private void append(Map<String, AttributeValue> image) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventName("INSERT");
        record.setEventSourceARN(STREAM);
        StreamRecord change = new StreamRecord();
        change.setSequenceNumber(String.format("%024d", shard.size() + 1));
        change.setKeys(Map.of(OutboxRecord.ID, image.get(OutboxRecord.ID)));
        change.setNewImage(image);
        change.setStreamViewType(com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType.NEW_IMAGE);
        record.setDynamodb(change);
        shard.add(record);
    }

    /** Runs the relay over the shard until every record is checkpointed or skipped. */
    void drain(EventRelayHandler relay) {
        int checkpoint = 0;
        int attemptsWithoutProgress = 0;
        while (checkpoint < shard.size()) {
            List<DynamodbEvent.DynamodbStreamRecord> batch = shard.subList(checkpoint, Math.min(shard.size(), checkpoint + batchSize));
            DynamodbEvent event = new DynamodbEvent();
            event.setRecords(List.copyOf(batch));
            invocations++;
            StreamsEventResponse response = relay.handleRequest(event, null);
            Set<String> failed = response.getBatchItemFailures().stream()
                    .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).collect(Collectors.toSet());
            int firstFailed = batch.size();
            for (int i = 0; i < batch.size(); i++) {
                if (failed.contains(batch.get(i).getDynamodb().getSequenceNumber())) {
                    firstFailed = i;
                    break;
                }
            }
            if (firstFailed > 0) {
                checkpoint += firstFailed;
                attemptsWithoutProgress = 0;
            } else if (++attemptsWithoutProgress > maximumRetryAttempts) {
                onFailureDestination.add(batch.stream().map(r -> r.getDynamodb().getSequenceNumber()).toList());
                checkpoint += batch.size();
                attemptsWithoutProgress = 0;
            }
        }
    }
}

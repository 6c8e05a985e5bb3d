package com.omnis.relay.replay;

import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Reads outbox items for a replay: by key, by the time they were written (the {@code byCreation}
 * index, every shard of every hour in the range, then the items by key), or by the ids of the events
 * they carry (in a time range, or by scanning the table, which TTL keeps to a week).
 */
public final class DynamoOutboxReader {

    private static final int MAX_BATCH_GET = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoOutboxReader(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The items with these keys that the table still holds, in the order asked. */
    public List<OutboxItem> byIds(List<String> ids) {
        Map<String, OutboxItem> found = new HashMap<>();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        for (int start = 0; start < distinct.size(); start += MAX_BATCH_GET) {
            List<Map<String, AttributeValue>> keys = distinct.subList(start, Math.min(distinct.size(), start + MAX_BATCH_GET))
                    .stream().map(id -> Map.of(OutboxRecord.ID, AttributeValue.fromS(id))).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(asked));
                response.responses().getOrDefault(table, List.of()).forEach(item -> {
                    OutboxItem read = read(item);
                    found.put(read.id(), read);
                });
                request = response.unprocessedKeys() == null ? Map.of() : response.unprocessedKeys();
            }
        }
        return distinct.stream().filter(found::containsKey).map(found::get).toList();
    }

    /** The items written in [{@code from}, {@code to}], oldest first. */
    public List<OutboxItem> writtenBetween(Instant from, Instant to) {
        List<String> ids = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); !hour.isAfter(to); hour = hour.plus(Duration.ofHours(1))) {
            for (int shard = 0; shard < OutboxRecord.CREATION_SHARDS; shard++) {
                QueryRequest query = QueryRequest.builder().tableName(table).indexName(OutboxRecord.BY_CREATION)
                        .keyConditionExpression("#bucket = :bucket AND #millis BETWEEN :from AND :to")
                        .expressionAttributeNames(Map.of("#bucket", OutboxRecord.CREATION_BUCKET,
                                "#millis", OutboxRecord.CREATED_MILLIS))
                        .expressionAttributeValues(Map.of(
                                ":bucket", AttributeValue.fromS(OutboxRecord.creationBucket(hour, shard)),
                                ":from", AttributeValue.fromN(Long.toString(from.toEpochMilli())),
                                ":to", AttributeValue.fromN(Long.toString(to.toEpochMilli()))))
                        .build();
                dynamo.queryPaginator(query).items().forEach(key -> ids.add(key.get(OutboxRecord.ID).s()));
            }
        }
        return oldestFirst(byIds(ids));
    }

    /** The items carrying any of these events, in the time range if given, else anywhere in the table; oldest first. */
    public List<OutboxItem> carrying(Set<String> eventIds, Optional<Instant> from, Optional<Instant> to) {
        List<OutboxItem> candidates = from.isPresent()
                ? writtenBetween(from.get(), to.orElseThrow())
                : scanAll();
        return oldestFirst(candidates.stream().filter(item -> item.events().orElse(List.of()).stream()
                .map(DomainEvent::id).anyMatch(eventIds::contains)).toList());
    }

    private List<OutboxItem> scanAll() {
        // the events attribute is compressed, so no filter expression can look into it; a filter would not
        // lower the read units anyway (DynamoDB charges what it reads before filtering): the caller matches ids
        List<OutboxItem> items = new ArrayList<>();
        dynamo.scanPaginator(ScanRequest.builder().tableName(table).build()).items().forEach(item -> items.add(read(item)));
        return items;
    }

    private static OutboxItem read(Map<String, AttributeValue> item) {
        String id = item.get(OutboxRecord.ID).s();
        AttributeValue createdAt = item.get(OutboxRecord.CREATED_AT);
        Instant at;
        try {
            at = Instant.parse(createdAt.s());
        } catch (RuntimeException e) {
            at = Instant.EPOCH;   // missing or garbled: still replayable, listed first
        }
        Optional<List<DomainEvent>> parsed;
        try {
            parsed = Optional.of(OutboxRecord.eventsOf(item));
        } catch (RuntimeException e) {
            parsed = Optional.empty();
        }
        return new OutboxItem(id, at, parsed);
    }

    private static List<OutboxItem> oldestFirst(List<OutboxItem> items) {
        return items.stream().sorted(Comparator.comparing(OutboxItem::createdAt).thenComparing(OutboxItem::id)).toList();
    }
}

package com.omnis.local.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.omnis.local.lambda.LambdaEvent;
import com.omnis.local.template.StreamSourceSpec;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.event.ruler.Machine;

/**
 * Polls DynamoDB Local's streams for the functions with a {@code DynamoDB} event source, as Lambda's
 * event source mapping does: batches of up to {@code BatchSize} records, filtered by the source's
 * {@code FilterCriteria} (matched with Event Ruler), in order per shard. Polling starts at the
 * stream's end when the poller starts, so seeded demo data is not replayed. A failing batch is
 * retried {@value #ATTEMPTS} times, then skipped and logged.
 */
public final class StreamPoller implements AutoCloseable {

    static final int ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(StreamPoller.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Source> sources = new ArrayList<>();
    private final DynamoDbStreamsClient streams;
    private final FunctionInvoker invoker;
    private final DeliveryLog log;
    private final Clock clock;
    private final List<String> warnings = new ArrayList<>();
    private ScheduledExecutorService timer;

    public StreamPoller(List<StreamSourceSpec> specs, DynamoDbClient dynamo, DynamoDbStreamsClient streams,
                        FunctionInvoker invoker, DeliveryLog log, Clock clock) {
        this.streams = streams;
        this.invoker = invoker;
        this.log = log;
        this.clock = clock;
        for (StreamSourceSpec spec : specs) {
            if (!spec.enabled()) {
                continue;
            }
            String streamArn = dynamo.describeTable(d -> d.tableName(spec.tableId())).table().latestStreamArn();
            if (streamArn == null) {
                warnings.add(spec.id() + ": table " + spec.tableId() + " has no stream; add a StreamSpecification");
                continue;
            }
            try {
                sources.add(new Source(spec, streamArn, filter(spec)));
            } catch (IOException e) {
                warnings.add(spec.id() + ": a FilterCriteria pattern is not valid (" + e.getMessage() + ")");
            }
        }
        sources.forEach(this::openShards);
    }

    private static Optional<Machine> filter(StreamSourceSpec spec) throws IOException {
        if (spec.filterPatterns().isEmpty()) {
            return Optional.empty();
        }
        Machine machine = new Machine();
        for (int i = 0; i < spec.filterPatterns().size(); i++) {
            machine.addRule("filter-" + i, spec.filterPatterns().get(i));
        }
        return Optional.of(machine);
    }

    /** Polls every source every {@code interval} on a background thread. */
    public synchronized void start(Duration interval) {
        if (timer != null || sources.isEmpty()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-streams");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::pollSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            LOG.warn("polling the streams failed: {}", e.toString());
        }
    }

    /** Reads what each stream has gained since the last poll and invokes the functions; returns the batches delivered. */
    public synchronized int pollOnce() {
        int batches = 0;
        for (Source source : sources) {
            batches += poll(source);
        }
        return batches;
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    private int poll(Source source) {
        int batches = 0;
        boolean shardClosed = false;
        for (Map.Entry<String, String> shard : new ArrayList<>(source.iterators.entrySet())) {
            GetRecordsResponse response = records(source, shard.getKey(), shard.getValue());
            if (response.nextShardIterator() == null) {
                source.iterators.remove(shard.getKey());
                source.finished.add(shard.getKey());
                shardClosed = true;
            } else {
                source.iterators.put(shard.getKey(), response.nextShardIterator());
            }
            List<Record> records = response.records().stream().filter(record -> accepts(source, record)).toList();
            if (!records.isEmpty()) {
                deliver(source, records);
                batches++;
            }
        }
        if (shardClosed) {
            openShards(source);
        }
        return batches;
    }

    /**
     * The next records of a shard. DynamoDB Local hands out a LATEST iterator on a shard that has no
     * record yet below the sequence numbers it then gives (they are counted across tables), and calls
     * it trimmed once a record arrives: such a shard is read from its start, which holds only new records.
     */
    private GetRecordsResponse records(Source source, String shardId, String iterator) {
        try {
            return streams.getRecords(get -> get.shardIterator(iterator).limit(source.spec.batchSize()));
        } catch (TrimmedDataAccessException e) {
            String fromStart = streams.getShardIterator(get -> get.streamArn(source.streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            return streams.getRecords(get -> get.shardIterator(fromStart).limit(source.spec.batchSize()));
        }
    }

    private boolean accepts(Source source, Record record) {
        if (source.filter.isEmpty()) {
            return true;
        }
        try {
            return !source.filter.get().rulesForJSONEvent(JSON.writeValueAsString(StreamEvents.wire(record, source.streamArn)))
                    .isEmpty();
        } catch (Exception e) {
            LOG.warn("stream record {} could not be filtered: {}", record.eventID(), e.toString());
            return false;
        }
    }

    private void deliver(Source source, List<Record> records) {
        LambdaEvent event = StreamEvents.event(records, source.streamArn);
        long start = System.nanoTime();
        String error = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                invoker.invoke(source.spec.functionId(), event);
                error = null;
                break;
            } catch (RuntimeException e) {
                error = e.toString();
                LOG.error("stream batch of {} records failed in {} (attempt {} of {})", records.size(),
                        source.spec.functionId(), attempt, ATTEMPTS, e);
            }
        }
        log.record(new Delivery("stream " + source.spec.id(), records.size() + " records", source.spec.functionId(),
                clock.instant(), (System.nanoTime() - start) / 1_000_000, error));
    }

    /** Iterators for the shards not followed yet: open shards from their end at start, new shards from their start. */
    private void openShards(Source source) {
        List<Shard> shards = streams.describeStream(d -> d.streamArn(source.streamArn)).streamDescription().shards();
        for (Shard shard : shards) {
            if (source.iterators.containsKey(shard.shardId()) || source.finished.contains(shard.shardId())) {
                continue;
            }
            boolean open = shard.sequenceNumberRange() == null || shard.sequenceNumberRange().endingSequenceNumber() == null;
            if (!open && !source.started) {
                source.finished.add(shard.shardId());
                continue;
            }
            ShardIteratorType type = source.started ? ShardIteratorType.TRIM_HORIZON : ShardIteratorType.LATEST;
            String iterator = streams.getShardIterator(get -> get.streamArn(source.streamArn).shardId(shard.shardId())
                    .shardIteratorType(type)).shardIterator();
            source.iterators.put(shard.shardId(), iterator);
        }
        source.started = true;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private static final class Source {
        final StreamSourceSpec spec;
        final String streamArn;
        final Optional<Machine> filter;
        final Map<String, String> iterators = new LinkedHashMap<>();
        final Set<String> finished = new HashSet<>();
        boolean started;

        Source(StreamSourceSpec spec, String streamArn, Optional<Machine> filter) {
            this.spec = spec;
            this.streamArn = streamArn;
            this.filter = filter;
        }
    }
}

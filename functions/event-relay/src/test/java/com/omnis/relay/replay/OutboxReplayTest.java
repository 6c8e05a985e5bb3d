package com.omnis.relay.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.omnis.local.EmbeddedDynamo;
import com.omnis.local.template.SamTemplate;
import com.omnis.relay.EventPublisher;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import com.omnis.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The replay against the template's outbox table (keys, the byCreation index) on DynamoDB Local. */
class OutboxReplayTest {

    /**
     * Two minutes before the next hour: items of the tests live in two hours of the index. Not a fixed
     * date: DynamoDB Local enforces TTL, and outbox items expire 7 days after they were written.
     */
    private static final Instant T0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).plusSeconds(3600 - 120);

    private static EmbeddedDynamo dynamo;
    private static String table;

    private final List<List<DomainEvent>> sent = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private DynamoOutboxReader reader;

    @BeforeAll
    static void outboxTable() {
        dynamo = EmbeddedDynamo.startWith(SamTemplate.load());
        table = dynamo.tableNames().get("OutboxTable");
    }

    @AfterAll
    static void dropIt() {
        dynamo.close();
    }

    @BeforeEach
    void emptyTable() {
        dynamo.reset();
        reader = new DynamoOutboxReader(dynamo.client(), table);
    }

    @Test
    void aTimeRangeAcrossAnHourBoundaryFindsEveryItemWrittenInItAndNoOther() {
        // given: 40 items, one every 10 seconds from two minutes before an hour (they spread over every shard of two hours)
        List<OutboxRecord> written = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            written.add(write("item-" + i, T0.plusSeconds(10L * i), 1));
        }
        Instant from = T0.plusSeconds(60);
        Instant to = T0.plusSeconds(300);

        // when
        List<OutboxItem> items = reader.writtenBetween(from, to);

        // then: from one minute before the hour to three minutes after, inclusive, oldest first
        assertThat(items).extracting(OutboxItem::id).containsExactlyElementsOf(written.stream()
                .filter(r -> !r.createdAt().isBefore(from) && !r.createdAt().isAfter(to)).map(OutboxRecord::id).toList());
        assertThat(items).hasSize(25);
    }

    @Test
    void republishesTheEventsOfTheRangeWithTheirOwnIdsAndPrintsEachOne() {
        // given
        OutboxRecord first = write("a", T0, 2);
        OutboxRecord second = write("b", T0.plusSeconds(1), 1);

        // when
        OutboxReplay.Summary summary = replay(reader.writtenBetween(T0, T0.plusSeconds(5)), Set.of(), Set.of(), 1000, false,
                event -> null);

        // then
        assertThat(summary).isEqualTo(new OutboxReplay.Summary(3, 3, 0, 0, false));
        assertThat(sent).flatExtracting(batch -> batch).containsExactly(first.events().get(0), first.events().get(1),
                second.events().getFirst());
        assertThat(output()).contains("sent " + first.events().getFirst().id() + " omnis.inventory StockChanged outbox=a")
                .contains("3 events matched in 2 outbox items: 3 sent, 0 refused, 0 unreadable items");
    }

    @Test
    void findsEventsByIdWithARangeOrByScanningAndSendsOnlyThose() {
        // given
        OutboxRecord wanted = write("wanted", T0, 3);
        write("other", T0.plusSeconds(2), 2);
        String eventId = wanted.events().get(1).id();

        // when
        List<OutboxItem> scanned = reader.carrying(Set.of(eventId), Optional.empty(), Optional.empty());
        List<OutboxItem> ranged = reader.carrying(Set.of(eventId), Optional.of(T0), Optional.of(T0.plusSeconds(10)));
        OutboxReplay.Summary summary = replay(scanned, Set.of(eventId), Set.of(), 1000, false, event -> null);

        // then
        assertThat(scanned).extracting(OutboxItem::id).containsExactly("wanted");
        assertThat(ranged).extracting(OutboxItem::id).containsExactly("wanted");
        assertThat(summary.sent()).isEqualTo(1);
        assertThat(sent).flatExtracting(batch -> batch).containsExactly(wanted.events().get(1));
    }

    @Test
    void findsItemsByOutboxIdAndReportsAnUnreadableOneWithoutSendingIt() {
        // given
        OutboxRecord readable = write("readable", T0, 1);
        dynamo.client().putItem(r -> r.tableName(table).item(Map.of(OutboxRecord.ID, AttributeValue.fromS("garbled"),
                OutboxRecord.EVENTS, AttributeValue.fromS("[{\"id\":"), OutboxRecord.CREATED_AT, AttributeValue.fromS(T0.toString()))));

        // when
        List<OutboxItem> items = reader.byIds(List.of("garbled", "readable", "gone"));
        OutboxReplay.Summary summary = replay(items, Set.of(), Set.of(), 1000, false, event -> null);

        // then
        assertThat(items).extracting(OutboxItem::id).containsExactly("garbled", "readable");
        assertThat(summary).isEqualTo(new OutboxReplay.Summary(1, 1, 0, 1, false));
        assertThat(summary.succeeded()).isFalse();
        assertThat(sent).flatExtracting(batch -> batch).containsExactly(readable.events().getFirst());
        assertThat(output()).contains("unreadable outbox=garbled");
    }

    @Test
    void moreMatchesThanTheLimitSendNothing() {
        // given
        write("a", T0, 3);
        write("b", T0.plusSeconds(1), 3);

        // when
        OutboxReplay.Summary summary = replay(reader.writtenBetween(T0, T0.plusSeconds(1)), Set.of(), Set.of(), 5, false,
                event -> null);

        // then
        assertThat(summary.overLimit()).isTrue();
        assertThat(sent).isEmpty();
        assertThat(output()).contains("6 events match, more than --limit 5: nothing sent");
    }

    @Test
    void aDryRunPrintsWithoutSendingAndATypeFilterKeepsOnlyThatType() {
        // given
        write("a", T0, 2);

        // when
        OutboxReplay.Summary dry = replay(reader.writtenBetween(T0, T0), Set.of(), Set.of(), 1000, true, event -> null);
        OutboxReplay.Summary none = replay(reader.writtenBetween(T0, T0), Set.of(), Set.of("LowStock"), 1000, false, event -> null);

        // then
        assertThat(dry.sent()).isEqualTo(2);
        assertThat(none.matched()).isZero();
        assertThat(sent).isEmpty();
        assertThat(output()).contains("would send");
    }

    @Test
    void anEventTheBusKeepsThrottlingIsRetriedThenReportedRefused() {
        // given
        OutboxRecord record = write("a", T0, 2);
        String throttled = record.events().get(1).id();

        // when
        OutboxReplay.Summary summary = replay(reader.writtenBetween(T0, T0), Set.of(), Set.of(), 1000, false,
                event -> event.id().equals(throttled) ? EventPublisher.Refusal.transientFailure("ThrottlingException", "slow") : null);

        // then: three attempts for the throttled one, one for the other
        assertThat(summary).isEqualTo(new OutboxReplay.Summary(2, 1, 1, 0, false));
        assertThat(sent).extracting(List::size).containsExactly(2, 1, 1);
        assertThat(output()).contains("refused " + throttled);
    }

    private OutboxRecord write(String id, Instant at, int events) {
        List<DomainEvent> list = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            list.add(new DomainEvent(id + "-event-" + i, "StockChanged", "omnis.inventory", at, "stock/TEE-BLUE-M/wh-paris",
                    Json.MAPPER.valueToTree(Map.of("n", i)), "corr-" + id));
        }
        OutboxRecord record = new OutboxRecord(id, list, at);
        dynamo.client().putItem(r -> r.tableName(table).item(record.toItem()));
        return record;
    }

    private OutboxReplay.Summary replay(List<OutboxItem> items, Set<String> eventIds, Set<String> types, int limit,
                                        boolean dryRun, Function<DomainEvent, EventPublisher.Refusal> bus) {
        EventPublisher publisher = events -> {
            sent.add(events);
            Map<Integer, EventPublisher.Refusal> refused = new LinkedHashMap<>();
            for (int i = 0; i < events.size(); i++) {
                EventPublisher.Refusal refusal = bus.apply(events.get(i));
                if (refusal != null) {
                    refused.put(i, refusal);
                }
            }
            return refused;
        };
        return new OutboxReplay(publisher, new PrintStream(printed, true, StandardCharsets.UTF_8), Duration.ZERO)
                .replay(items, eventIds, types, limit, dryRun);
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}

package com.omnis.shared.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.omnis.shared.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item of the outbox table: the events of one committed state change, written in the same
 * transaction as that change. The table's stream (NEW_IMAGE) feeds the relay, which publishes
 * {@link #EVENTS} to the bus; {@link #EXPIRES_AT} is TTL garbage collection only.
 *
 * <p>{@link #EVENTS} is the events' JSON array, gzip-compressed, as a binary attribute: events repeat their
 * field names and figures, so a hold's outbox item fell from 8 to 4 write units and a 20-line checkout's from
 * 36 to 10 (DynamoDB Local's counts, {@code scripts/bench/perf}). Items written before hold the JSON as a string:
 * {@link #eventsOf} and {@link #parseEvents} read both, so a deploy never strands an item in the stream.
 */
public record OutboxRecord(String id, List<DomainEvent> events, Instant createdAt) {

    public static final String ID = "id";
    public static final String EVENTS = "events";
    public static final String CREATED_AT = "createdAt";
    public static final String EXPIRES_AT = "expiresAt";
    /** The partition of {@link #BY_CREATION}: the hour the item was written and one of {@link #CREATION_SHARDS} shards. */
    public static final String CREATION_BUCKET = "creationBucket";
    /** The sort key of {@link #BY_CREATION}: epoch milliseconds, which sort as time does (ISO text with optional fractions does not). */
    public static final String CREATED_MILLIS = "createdMillis";
    /** Items by the time they were written (keys only), so that a time range can be republished. */
    public static final String BY_CREATION = "byCreation";
    /**
     * Shards of an hour in {@link #BY_CREATION}: a write-heavy hour (a flash sale) spreads over this many
     * index partitions instead of one; a reader of an hour queries them all.
     */
    public static final int CREATION_SHARDS = 8;

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    /** The table's key and index, as the template must declare them. */
    public static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), ID, AttributeValueType.S)
            .addIndexPartitionKey(BY_CREATION, CREATION_BUCKET, AttributeValueType.S)
            .addIndexSortKey(BY_CREATION, CREATED_MILLIS, AttributeValueType.N)
            .build();

    /** How long a relayed item stays in the table: the stream keeps records 24 h, so a week is plenty. */
    public static final Duration RETENTION = Duration.ofDays(7);

    public OutboxRecord {
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("an outbox record carries at least one event");
        }
        events = List.copyOf(events);
    }

    public static OutboxRecord of(List<DomainEvent> events, Instant createdAt) {
        return new OutboxRecord(UUID.randomUUID().toString(), events, createdAt);
    }

    public Map<String, AttributeValue> toItem() {
        return Map.of(
                ID, AttributeValue.fromS(id),
                EVENTS, AttributeValue.fromB(SdkBytes.fromByteArray(compress(Json.write(events)))),
                CREATED_AT, AttributeValue.fromS(createdAt.toString()),
                CREATION_BUCKET, AttributeValue.fromS(creationBucket(createdAt, Math.floorMod(id.hashCode(), CREATION_SHARDS))),
                CREATED_MILLIS, AttributeValue.fromN(Long.toString(createdAt.toEpochMilli())),
                EXPIRES_AT, AttributeValue.fromN(Long.toString(createdAt.plus(RETENTION).getEpochSecond())));
    }

    private static byte[] compress(String json) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(json.length() / 4 + 64);
        try (OutputStream out = new GZIPOutputStream(compressed)) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    /** The {@link #BY_CREATION} partition of items written in the hour of {@code at}, in {@code shard}. */
    public static String creationBucket(Instant at, int shard) {
        return HOUR.format(at) + "#" + shard;
    }

    /** The events of an outbox item (SDK attribute values): its {@link #EVENTS}, compressed or, from before compression, text. */
    public static List<DomainEvent> eventsOf(Map<String, AttributeValue> item) {
        AttributeValue events = item.get(EVENTS);
        if (events == null || (events.b() == null && events.s() == null)) {
            throw new IllegalArgumentException("an outbox item without " + EVENTS);
        }
        return events.b() != null ? parseEvents(events.b().asByteArray()) : parseEvents(events.s());
    }

    /** The events of a compressed {@link #EVENTS} attribute (its bytes, as a stream record's new image carries them). */
    public static List<DomainEvent> parseEvents(byte[] compressedJson) {
        try (InputStream json = new GZIPInputStream(new ByteArrayInputStream(compressedJson))) {
            return parseEvents(new String(json.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The events of an outbox item's {@link #EVENTS} JSON, as found in a stream record's new image.
     * Fields this reader does not know (written by a newer deploy) are skipped, never a poison record.
     */
    public static List<DomainEvent> parseEvents(String eventsJson) {
        try {
            return Json.STORED.readValue(eventsJson, new TypeReference<List<DomainEvent>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

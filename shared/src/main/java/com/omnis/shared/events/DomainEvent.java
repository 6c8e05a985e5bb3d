package com.omnis.shared.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.omnis.shared.json.Json;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope of every domain event on the bus. {@code id} is stable from the outbox to the
 * consumer (EventBridge assigns its own id per delivery attempt, so consumers deduplicate on this one);
 * {@code type} is the EventBridge detail-type, {@code source} its source (e.g. {@code omnis.inventory});
 * {@code subject} names the aggregate ({@code stock/SKU-1/wh-paris}, {@code reservation/res_…}).
 *
 * <p>{@code version} is the envelope's: it grows when a field's meaning changes, never for an added
 * field (readers skip fields they do not know: {@link com.omnis.shared.json.Json#STORED}). An event
 * written before the envelope carried it reads as version 1.
 */
public record DomainEvent(String id, String type, String source, Instant occurredAt, String subject,
                          JsonNode data, String correlationId, Integer version) {

    /** The envelope version this code writes. */
    public static final int VERSION = 1;

    public DomainEvent {
        version = version == null ? 1 : version;
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
    }

    /** An event of the current envelope {@link #VERSION}. */
    public DomainEvent(String id, String type, String source, Instant occurredAt, String subject, JsonNode data,
                       String correlationId) {
        this(id, type, source, occurredAt, subject, data, correlationId, VERSION);
    }

    /** A new event with a random id; {@code data} is any record, serialised with the project's mapper. */
    public static DomainEvent of(String type, String source, Instant occurredAt, String subject, Object data,
                                 String correlationId) {
        return new DomainEvent(UUID.randomUUID().toString(), type, source, occurredAt, subject,
                Json.MAPPER.valueToTree(data), correlationId);
    }

    /**
     * The envelope in an EventBridge event's {@code detail}, read field by field: a reader tolerates fields
     * it does not know (a deploy is never atomic).
     *
     * @throws IllegalArgumentException when {@code detail} is not an envelope (no id, type or data)
     */
    public static DomainEvent fromDetail(JsonNode detail) {
        String id = detail.path("id").asText("");
        String type = detail.path("type").asText("");
        if (id.isBlank() || type.isBlank() || !detail.path("data").isObject()) {
            throw new IllegalArgumentException("the event's detail is not a domain event (id, type, data)");
        }
        return new DomainEvent(id, type, detail.path("source").asText(""), Instant.parse(detail.path("occurredAt").asText()),
                detail.path("subject").asText(null), detail.path("data"), detail.path("correlationId").asText(null),
                detail.path("version").isInt() ? detail.path("version").asInt() : null);
    }

    /** The data as {@code type}, skipping fields {@code type} does not know (a newer producer's). */
    public <T> T dataAs(Class<T> type) {
        return Json.STORED.convertValue(data, type);
    }
}

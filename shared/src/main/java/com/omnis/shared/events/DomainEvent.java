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
 */
public record DomainEvent(String id, String type, String source, Instant occurredAt, String subject,
                          JsonNode data, String correlationId) {

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
    }

    /** A new event with a random id; {@code data} is any record, serialised with the project's mapper. */
    public static DomainEvent of(String type, String source, Instant occurredAt, String subject, Object data,
                                 String correlationId) {
        return new DomainEvent(UUID.randomUUID().toString(), type, source, occurredAt, subject,
                Json.MAPPER.valueToTree(data), correlationId);
    }

    public <T> T dataAs(Class<T> type) {
        return Json.MAPPER.convertValue(data, type);
    }
}

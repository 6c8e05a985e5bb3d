package com.omnis.relay;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.events.OutboxRecord;
import com.omnis.shared.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A stream record of the outbox table as the relay's {@link OutboxRelay.Item}, content kept for the dead-letter queue. */
final class OutboxStreamRecords {

    private OutboxStreamRecords() {
    }

    static OutboxRelay.Item item(DynamodbEvent.DynamodbStreamRecord record, Optional<List<DomainEvent>> events) {
        var change = record.getDynamodb();
        Map<String, AttributeValue> keys = change.getKeys();
        AttributeValue id = keys == null ? null : keys.get(OutboxRecord.ID);
        return new OutboxRelay.Item(record.getEventSourceARN(), change.getSequenceNumber(), id == null ? null : id.getS(),
                dynamoJson(change.getNewImage()), events);
    }

    /** The image in DynamoDB JSON ({@code {"id": {"S": "…"}}}), the form the console and the CLI show and take. */
    static String dynamoJson(Map<String, AttributeValue> image) {
        if (image == null) {
            return null;
        }
        ObjectNode item = Json.MAPPER.createObjectNode();
        image.forEach((name, value) -> item.set(name, attribute(value)));
        return item.toString();
    }

    private static JsonNode attribute(AttributeValue value) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (value.getS() != null) {
            node.put("S", value.getS());
        } else if (value.getN() != null) {
            node.put("N", value.getN());
        } else if (value.getBOOL() != null) {
            node.put("BOOL", value.getBOOL());
        } else if (value.getNULL() != null) {
            node.put("NULL", value.getNULL());
        } else if (value.getM() != null) {
            ObjectNode map = node.putObject("M");
            value.getM().forEach((name, inner) -> map.set(name, attribute(inner)));
        } else if (value.getL() != null) {
            var list = node.putArray("L");
            value.getL().forEach(inner -> list.add(attribute(inner)));
        } else if (value.getSS() != null) {
            var set = node.putArray("SS");
            value.getSS().forEach(set::add);
        } else if (value.getNS() != null) {
            var set = node.putArray("NS");
            value.getNS().forEach(set::add);
        } else if (value.getB() != null) {
            node.put("B", java.util.Base64.getEncoder().encodeToString(bytes(value.getB())));
        } else {
            // binary sets: the outbox writes none; kept visible rather than dropped
            node.put("unsupported", value.toString());
        }
        return node;
    }

    static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}

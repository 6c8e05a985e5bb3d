package com.omnis.inventory.dynamo;

import com.omnis.inventory.domain.Allocation;
import com.omnis.inventory.domain.Reservation;
import com.omnis.inventory.domain.ReservationStatus;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reservations in {@code RESERVATIONS_TABLE} (key {@code reservationId}). While HELD an item carries
 * {@code openBucket} (one of {@link #BUCKETS} values, spreading writes), the partition key of the
 * sparse {@code byExpiry} index the sweeper queries by {@code expiresAt} (epoch millis). Only closed
 * reservations get {@code purgeAt}, the TTL attribute: TTL never removes a hold that still holds units.
 */
final class ReservationItems {

    static final String ID = "reservationId";
    static final String STATUS = "status";
    static final String VERSION = "version";
    static final String ORDER_ID = "orderId";
    static final String EXPIRES_AT = "expiresAt";
    static final String OPEN_BUCKET = "openBucket";
    static final String BY_EXPIRY_INDEX = "byExpiry";
    static final int BUCKETS = 8;
    static final Duration KEEP_CLOSED = Duration.ofDays(30);

    private ReservationItems() {
    }

    static Map<String, AttributeValue> key(String id) {
        return Map.of(ID, AttributeValue.fromS(id));
    }

    static String bucket(int index) {
        return "held#" + index;
    }

    static Map<String, AttributeValue> toItem(Reservation r) {
        Map<String, AttributeValue> item = new HashMap<>(key(r.id()));
        if (r.owner() != null) {
            item.put("owner", AttributeValue.fromS(r.owner()));
        }
        item.put("channel", AttributeValue.fromS(r.channel().code()));
        if (r.reference() != null) {
            item.put("reference", AttributeValue.fromS(r.reference()));
        }
        item.put(STATUS, AttributeValue.fromS(r.status().name()));
        if (r.orderId() != null) {
            item.put(ORDER_ID, AttributeValue.fromS(r.orderId()));
        }
        item.put("allocations", AttributeValue.fromL(r.allocations().stream()
                .map(a -> AttributeValue.fromM(Map.of(
                        "sku", AttributeValue.fromS(a.sku().value()),
                        "locationId", AttributeValue.fromS(a.locationId()),
                        "shard", number(a.shard()),
                        "quantity", number(a.quantity()))))
                .toList()));
        item.put("createdAt", AttributeValue.fromS(r.createdAt().toString()));
        item.put(EXPIRES_AT, number(r.expiresAt().toEpochMilli()));
        item.put(VERSION, number(r.version()));
        if (r.status() == ReservationStatus.HELD) {
            item.put(OPEN_BUCKET, AttributeValue.fromS(bucket(Math.floorMod(r.id().hashCode(), BUCKETS))));
        } else {
            item.put("closedAt", AttributeValue.fromS(r.closedAt().toString()));
            item.put("purgeAt", number(r.closedAt().plus(KEEP_CLOSED).getEpochSecond()));
        }
        return item;
    }

    static Reservation fromItem(Map<String, AttributeValue> item) {
        List<Allocation> allocations = item.get("allocations").l().stream()
                .map(AttributeValue::m)
                .map(m -> new Allocation(Sku.of(m.get("sku").s()), m.get("locationId").s(),
                        Integer.parseInt(m.get("shard").n()), Long.parseLong(m.get("quantity").n())))
                .toList();
        return new Reservation(item.get(ID).s(), text(item, "owner"), Channel.parse(item.get("channel").s()),
                text(item, "reference"), ReservationStatus.valueOf(item.get(STATUS).s()), allocations,
                Instant.parse(item.get("createdAt").s()), Instant.ofEpochMilli(Long.parseLong(item.get(EXPIRES_AT).n())),
                item.containsKey("closedAt") ? Instant.parse(item.get("closedAt").s()) : null,
                text(item, ORDER_ID), Long.parseLong(item.get(VERSION).n()));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

package com.omnis.inventory.dynamo;

import com.omnis.inventory.domain.Allocation;
import com.omnis.inventory.domain.HoldLimits;
import com.omnis.inventory.domain.OpenHolds;
import com.omnis.inventory.domain.Reservation;
import com.omnis.inventory.domain.ReservationStatus;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Reservations in {@code RESERVATIONS_TABLE} (key {@code reservationId}). While HELD an item carries
 * {@code openBucket} (one of {@link #BUCKETS} values, spreading writes), the partition key of the
 * sparse {@code byExpiry} index the sweeper queries by {@code expiresAt} (epoch millis). Only closed
 * reservations get {@code purgeAt}, the TTL attribute: TTL never removes a hold that still holds units.
 *
 * <p>The same table keeps one counter item per shopper, {@code reservationId} = {@code shopper#<sub>}
 * with {@code openHolds} and {@code openUnits}: what that owner's limited holds hold right now, added
 * to in the transaction of each hold (under the limits' condition) and taken from in the one that
 * closes it. It has no {@code openBucket} and no {@code purgeAt}: neither the sweeper nor TTL sees it.
 */
final class ReservationItems {

    static final String ID = "reservationId";
    static final String STATUS = "status";
    static final String VERSION = "version";
    static final String ORDER_ID = "orderId";
    static final String LIMITED = "limited";
    static final String OPEN_HOLDS = "openHolds";
    static final String OPEN_UNITS = "openUnits";
    static final String SHOPPER_PREFIX = "shopper#";
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

    static Map<String, AttributeValue> shopperKey(String owner) {
        return key(SHOPPER_PREFIX + owner);
    }

    static OpenHolds openHoldsFromItem(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return OpenHolds.NONE;
        }
        return new OpenHolds(longOf(item, OPEN_HOLDS), longOf(item, OPEN_UNITS));
    }

    /**
     * Adds {@code holds} and {@code units} to the owner's counter; with {@code limits}, only while
     * the counter stays within them once added.
     */
    static TransactWriteItem addOpenHolds(String table, String owner, long holds, long units,
                                          Optional<HoldLimits> limits) {
        Update.Builder update = Update.builder().tableName(table).key(shopperKey(owner))
                .updateExpression("ADD #holds :holds, #units :units")
                .expressionAttributeNames(Map.of("#holds", OPEN_HOLDS, "#units", OPEN_UNITS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":holds", number(holds), ":units", number(units)));
        limits.ifPresent(l -> {
            update.conditionExpression("(attribute_not_exists(#holds) OR #holds <= :maxHolds)"
                    + " AND (attribute_not_exists(#units) OR #units <= :maxUnits)");
            values.put(":maxHolds", number(l.openHolds() - holds));
            values.put(":maxUnits", number(l.units() - units));
        });
        return TransactWriteItem.builder().update(update.expressionAttributeValues(values).build()).build();
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
        if (r.limited()) {
            item.put(LIMITED, AttributeValue.fromBool(true));
        }
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
                text(item, ORDER_ID), item.containsKey(LIMITED) && Boolean.TRUE.equals(item.get(LIMITED).bool()),
                Long.parseLong(item.get(VERSION).n()));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static long longOf(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

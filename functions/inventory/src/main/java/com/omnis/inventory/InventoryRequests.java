package com.omnis.inventory;

import com.omnis.inventory.domain.HoldRequest;
import com.omnis.inventory.domain.Movement;
import com.omnis.inventory.domain.MovementType;
import com.omnis.inventory.domain.SettingsChange;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.LocationId;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.ReservationId;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.error.FieldErrors;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.idempotency.IdempotencyKey;
import com.omnis.shared.identity.Caller;
import com.omnis.shared.inventory.PositionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON bodies, headers and path parameters of the inventory API, parsed into domain values
 * (400 naming every bad field). The values ({@code Sku}, {@code LocationId}, {@code Quantity},
 * {@code Channel}, {@code ReservationId}, {@code IdempotencyKey}) hold their own rules; this class
 * only names the fields.
 */
final class InventoryRequests {

    static final String TOKEN = "[A-Za-z0-9._:-]{1,100}";

    private InventoryRequests() {
    }

    record MovementBody(String type, String sku, String locationId, Long quantity, String toLocationId, String reason,
                        String transferId) {
    }

    record HoldBody(List<LineBody> lines, String channel, Long ttlSeconds, String reference) {
    }

    record LineBody(String sku, Integer quantity, String locationId) {
    }

    record SettingsBody(Map<String, Long> safetyStock, Long lowStockThreshold, Integer shards) {
    }

    static Movement movement(MovementBody body) {
        FieldErrors errors = new FieldErrors();
        MovementType type = errors.parse("type", body.type(), code -> MovementType.fromCode(code).orElseThrow(() ->
                new IllegalArgumentException("unknown movement '" + code
                        + "', expected one of receipt, sale, count, damage, transfer")));
        Sku sku = errors.parse("sku", body.sku(), Sku::of);
        LocationId locationId = errors.parse("locationId", body.locationId(), LocationId::of);
        long min = type == MovementType.COUNT ? 0 : 1;
        long max = type == MovementType.COUNT ? Movement.MAX_COUNT : Movement.MAX_QUANTITY;
        if (body.quantity() == null) {
            errors.add("quantity", "is required");
        } else {
            errors.check(body.quantity() < min || body.quantity() > max, "quantity",
                    "must be between " + min + " and " + max);
        }
        LocationId to = null;
        if (type == MovementType.TRANSFER) {
            to = errors.parse("toLocationId", body.toLocationId(), LocationId::of);
            errors.check(to != null && to.equals(locationId), "toLocationId", "must differ from locationId");
        } else {
            errors.check(body.toLocationId() != null, "toLocationId", "is only allowed on a transfer");
        }
        if (body.transferId() != null) {
            if (type != MovementType.RECEIPT) {
                errors.add("transferId", "is only allowed on a receipt");
            } else {
                errors.check(!body.transferId().matches("[a-f0-9-]{36}"), "transferId", "is not a transfer id");
            }
        }
        errors.check(body.reason() != null && (body.reason().isBlank() || body.reason().length() > 200), "reason",
                "is 1 to 200 characters");
        errors.throwIfAny();
        return new Movement(type, sku, locationId, body.quantity(), Optional.ofNullable(to),
                Optional.ofNullable(body.transferId()), Optional.ofNullable(body.reason()));
    }

    static HoldRequest hold(HoldBody body) {
        FieldErrors errors = new FieldErrors();
        Channel channel = errors.parse("channel", body.channel(), Channel::parse);
        List<HoldRequest.Line> lines = new ArrayList<>();
        if (body.lines() == null || body.lines().isEmpty()) {
            errors.add("lines", "needs at least one line");
        } else if (body.lines().size() > HoldRequest.MAX_LINES) {
            errors.add("lines", "holds at most " + HoldRequest.MAX_LINES + " lines");
        } else {
            for (int i = 0; i < body.lines().size(); i++) {
                LineBody line = body.lines().get(i);
                String at = "lines[" + i + "]";
                if (line == null) {
                    errors.add(at, "is required");
                    continue;
                }
                Sku sku = errors.parse(at + ".sku", line.sku(), Sku::of);
                Quantity quantity = errors.parse(at + ".quantity", line.quantity(), Quantity::of);
                LocationId locationId = errors.parseOptional(at + ".locationId", line.locationId(), LocationId::of);
                if (sku != null && quantity != null) {
                    lines.add(new HoldRequest.Line(sku, quantity, Optional.ofNullable(locationId)));
                }
            }
        }
        Duration ttl = HoldRequest.DEFAULT_TTL;
        if (body.ttlSeconds() != null) {
            if (errors.check(body.ttlSeconds() < 1 || body.ttlSeconds() > HoldRequest.MAX_TTL.toSeconds(), "ttlSeconds",
                    "must be between 1 and " + HoldRequest.MAX_TTL.toSeconds())) {
                ttl = Duration.ofSeconds(body.ttlSeconds());
            }
        }
        errors.check(body.reference() != null && !body.reference().matches(TOKEN), "reference",
                "is 1 to 100 characters of letters, digits and . _ : -");
        errors.throwIfAny();
        return new HoldRequest(lines, channel, ttl, Optional.ofNullable(body.reference()));
    }

    static SettingsChange settings(SettingsBody body) {
        FieldErrors errors = new FieldErrors();
        Map<Channel, Long> safety = null;
        if (body.safetyStock() != null) {
            safety = new EnumMap<>(Channel.class);
            for (Map.Entry<String, Long> entry : body.safetyStock().entrySet()) {
                String field = "safetyStock." + entry.getKey();
                Channel channel = errors.parse(field, entry.getKey(), Channel::parse);
                Long units = entry.getValue();
                if (channel != null && errors.check(units == null || units < 0 || units > Movement.MAX_COUNT, field,
                        "must be between 0 and " + Movement.MAX_COUNT)) {
                    safety.put(channel, units);
                }
            }
        }
        errors.check(body.lowStockThreshold() != null
                        && (body.lowStockThreshold() < 0 || body.lowStockThreshold() > Movement.MAX_COUNT),
                "lowStockThreshold", "must be between 0 and " + Movement.MAX_COUNT);
        errors.check(body.shards() != null && (body.shards() < 1 || body.shards() > PositionSettings.MAX_SHARDS),
                "shards", "must be between 1 and " + PositionSettings.MAX_SHARDS);
        errors.check(body.safetyStock() == null && body.lowStockThreshold() == null && body.shards() == null, "body",
                "set at least one of safetyStock, lowStockThreshold, shards");
        errors.throwIfAny();
        return new SettingsChange(Optional.ofNullable(safety), Optional.ofNullable(body.lowStockThreshold()),
                Optional.ofNullable(body.shards()));
    }

    /**
     * The caller's {@code Idempotency-Key}, required, scoped to what it guards and to the caller
     * (two tills may send the same key): {@code <purpose>:<sub>}.
     */
    static IdempotencyKey idempotencyKey(String purpose, Caller caller, Optional<String> header) {
        FieldErrors errors = new FieldErrors();
        if (header.isEmpty()) {
            errors.add("header Idempotency-Key", IdempotencyKey.REQUIRED);
        }
        IdempotencyKey key = errors.parseOptional("header Idempotency-Key", header.orElse(null),
                raw -> IdempotencyKey.of(purpose + ":" + caller.subject(), raw));
        errors.throwIfAny();
        return key;
    }

    /** A path id that is not one of ours names no reservation: 404, like one that does not exist. */
    static ReservationId reservationId(String raw) {
        try {
            return ReservationId.of(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no reservation " + raw);
        }
    }
}

package com.omnis.inventory;

import com.omnis.inventory.domain.HoldRequest;
import com.omnis.inventory.domain.Movement;
import com.omnis.inventory.domain.MovementType;
import com.omnis.inventory.domain.SettingsChange;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.error.FieldError;
import com.omnis.shared.http.ProblemException;
import com.omnis.shared.inventory.PositionSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON bodies of the inventory API and their validation into domain requests (400 naming every bad field). */
final class InventoryRequests {

    static final String LOCATION_ID = "[a-z0-9][a-z0-9-]{2,39}";
    static final String TOKEN = "[A-Za-z0-9._:-]{1,100}";

    private InventoryRequests() {
    }

    record MovementBody(String type, String sku, String locationId, Long quantity, String toLocationId, String reason,
                        String transferId) {
    }

    record HoldBody(List<LineBody> lines, String channel, Long ttlSeconds, String reference) {
    }

    record LineBody(String sku, Long quantity, String locationId) {
    }

    record SettingsBody(Map<String, Long> safetyStock, Long lowStockThreshold, Integer shards) {
    }

    static Movement movement(MovementBody body) {
        List<FieldError> errors = new ArrayList<>();
        MovementType type = null;
        if (body.type() == null) {
            errors.add(new FieldError("type", "is required: one of receipt, sale, count, damage, transfer"));
        } else {
            type = MovementType.fromCode(body.type()).orElse(null);
            if (type == null) {
                errors.add(new FieldError("type", "unknown movement '" + body.type()
                        + "', expected one of receipt, sale, count, damage, transfer"));
            }
        }
        Sku sku = sku("sku", body.sku(), errors);
        location("locationId", body.locationId(), true, errors);
        long min = type == MovementType.COUNT ? 0 : 1;
        long max = type == MovementType.COUNT ? Movement.MAX_COUNT : Movement.MAX_QUANTITY;
        if (body.quantity() == null) {
            errors.add(new FieldError("quantity", "is required"));
        } else if (body.quantity() < min || body.quantity() > max) {
            errors.add(new FieldError("quantity", "must be between " + min + " and " + max));
        }
        if (type == MovementType.TRANSFER) {
            location("toLocationId", body.toLocationId(), true, errors);
            if (body.toLocationId() != null && body.toLocationId().equals(body.locationId())) {
                errors.add(new FieldError("toLocationId", "must differ from locationId"));
            }
        } else if (body.toLocationId() != null) {
            errors.add(new FieldError("toLocationId", "is only allowed on a transfer"));
        }
        if (body.transferId() != null) {
            if (type != MovementType.RECEIPT) {
                errors.add(new FieldError("transferId", "is only allowed on a receipt"));
            } else if (!body.transferId().matches("[a-f0-9-]{36}")) {
                errors.add(new FieldError("transferId", "is not a transfer id"));
            }
        }
        if (body.reason() != null && (body.reason().isBlank() || body.reason().length() > 200)) {
            errors.add(new FieldError("reason", "is 1 to 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Movement(type, sku, body.locationId(), body.quantity(), Optional.ofNullable(body.toLocationId()),
                Optional.ofNullable(body.transferId()), Optional.ofNullable(body.reason()));
    }

    static HoldRequest hold(HoldBody body) {
        List<FieldError> errors = new ArrayList<>();
        Channel channel = channel("channel", body.channel(), errors);
        List<HoldRequest.Line> lines = new ArrayList<>();
        if (body.lines() == null || body.lines().isEmpty()) {
            errors.add(new FieldError("lines", "needs at least one line"));
        } else if (body.lines().size() > HoldRequest.MAX_LINES) {
            errors.add(new FieldError("lines", "holds at most " + HoldRequest.MAX_LINES + " lines"));
        } else {
            for (int i = 0; i < body.lines().size(); i++) {
                LineBody line = body.lines().get(i);
                String at = "lines[" + i + "]";
                if (line == null) {
                    errors.add(new FieldError(at, "is required"));
                    continue;
                }
                Sku sku = sku(at + ".sku", line.sku(), errors);
                if (line.quantity() == null) {
                    errors.add(new FieldError(at + ".quantity", "is required"));
                } else if (line.quantity() < 1 || line.quantity() > HoldRequest.MAX_LINE_QUANTITY) {
                    errors.add(new FieldError(at + ".quantity", "must be between 1 and " + HoldRequest.MAX_LINE_QUANTITY));
                }
                location(at + ".locationId", line.locationId(), false, errors);
                if (sku != null && line.quantity() != null) {
                    lines.add(new HoldRequest.Line(sku, line.quantity(), Optional.ofNullable(line.locationId())));
                }
            }
        }
        Duration ttl = HoldRequest.DEFAULT_TTL;
        if (body.ttlSeconds() != null) {
            if (body.ttlSeconds() < 1 || body.ttlSeconds() > HoldRequest.MAX_TTL.toSeconds()) {
                errors.add(new FieldError("ttlSeconds", "must be between 1 and " + HoldRequest.MAX_TTL.toSeconds()));
            } else {
                ttl = Duration.ofSeconds(body.ttlSeconds());
            }
        }
        if (body.reference() != null && !body.reference().matches(TOKEN)) {
            errors.add(new FieldError("reference", "is 1 to 100 characters of letters, digits and . _ : -"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new HoldRequest(lines, channel, ttl, Optional.ofNullable(body.reference()));
    }

    static SettingsChange settings(SettingsBody body) {
        List<FieldError> errors = new ArrayList<>();
        Map<Channel, Long> safety = null;
        if (body.safetyStock() != null) {
            safety = new EnumMap<>(Channel.class);
            for (Map.Entry<String, Long> entry : body.safetyStock().entrySet()) {
                Optional<Channel> channel = Channel.fromCode(entry.getKey());
                if (channel.isEmpty()) {
                    errors.add(new FieldError("safetyStock." + entry.getKey(), "is not a channel"));
                } else if (entry.getValue() == null || entry.getValue() < 0 || entry.getValue() > Movement.MAX_COUNT) {
                    errors.add(new FieldError("safetyStock." + entry.getKey(), "must be between 0 and " + Movement.MAX_COUNT));
                } else {
                    safety.put(channel.get(), entry.getValue());
                }
            }
        }
        if (body.lowStockThreshold() != null
                && (body.lowStockThreshold() < 0 || body.lowStockThreshold() > Movement.MAX_COUNT)) {
            errors.add(new FieldError("lowStockThreshold", "must be between 0 and " + Movement.MAX_COUNT));
        }
        if (body.shards() != null && (body.shards() < 1 || body.shards() > PositionSettings.MAX_SHARDS)) {
            errors.add(new FieldError("shards", "must be between 1 and " + PositionSettings.MAX_SHARDS));
        }
        if (body.safetyStock() == null && body.lowStockThreshold() == null && body.shards() == null) {
            errors.add(new FieldError("body", "set at least one of safetyStock, lowStockThreshold, shards"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new SettingsChange(Optional.ofNullable(safety), Optional.ofNullable(body.lowStockThreshold()),
                Optional.ofNullable(body.shards()));
    }

    static Sku sku(String field, String raw, List<FieldError> errors) {
        if (raw == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        try {
            return Sku.of(raw);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    static void location(String field, String raw, boolean required, List<FieldError> errors) {
        if (raw == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
        } else if (!raw.matches(LOCATION_ID)) {
            errors.add(new FieldError(field, "is 3 to 40 characters of a-z, 0-9 and '-'"));
        }
    }

    static Channel channel(String field, String raw, List<FieldError> errors) {
        if (raw == null) {
            errors.add(new FieldError(field, "is required: one of web, mobile, store, call-center, kiosk"));
            return null;
        }
        Optional<Channel> channel = Channel.fromCode(raw);
        if (channel.isEmpty()) {
            errors.add(new FieldError(field, "unknown channel '" + raw + "', expected one of web, mobile, store, call-center, kiosk"));
        }
        return channel.orElse(null);
    }
}

package com.omnis.local.events;

import com.omnis.local.template.SamTemplate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An event on a local EventBridge bus, in the envelope EventBridge delivers to targets.
 *
 * @param detail the event's detail, a JSON object read into maps and lists
 */
public record BusEvent(String id, String busName, String source, String detailType, Map<String, Object> detail,
                       List<String> resources, Instant time) {

    public BusEvent {
        detail = detail == null ? Map.of() : detail;
        resources = resources == null ? List.of() : List.copyOf(resources);
        time = time.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A new event with a fresh id, as PutEvents would accept it. */
    public static BusEvent of(String busName, String source, String detailType, Map<String, Object> detail,
                              List<String> resources, Instant time) {
        return new BusEvent(UUID.randomUUID().toString(), busName, source, detailType, detail, resources, time);
    }

    /** The JSON a rule's pattern is matched against and a target receives. */
    public Map<String, Object> wire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("version", "0");
        wire.put("id", id);
        wire.put("detail-type", detailType);
        wire.put("source", source);
        wire.put("account", SamTemplate.ACCOUNT_ID);
        wire.put("time", time.toString());
        wire.put("region", SamTemplate.DEFAULT_REGION);
        wire.put("resources", resources);
        wire.put("detail", detail);
        return wire;
    }
}

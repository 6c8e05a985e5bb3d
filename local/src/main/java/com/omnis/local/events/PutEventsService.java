package com.omnis.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.omnis.local.aws.AwsReply;
import com.omnis.local.aws.AwsRequest;
import com.omnis.local.aws.LocalAwsService;
import com.omnis.local.template.EventRuleSpec;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * EventBridge's {@code PutEvents} (AWS JSON 1.1, {@code X-Amz-Target: AWSEvents.PutEvents}) on the
 * local AWS endpoint: a function's EventBridge client, pointed at {@code AWS_ENDPOINT_URL} like its
 * DynamoDB client, publishes onto the {@link LocalEventBus}. Entries are checked as EventBridge
 * checks them; a bus the template does not declare is refused.
 */
public final class PutEventsService implements LocalAwsService {

    public static final String TARGET = "AWSEvents.PutEvents";
    private static final int MAX_ENTRIES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalEventBus bus;
    private final Clock clock;

    public PutEventsService(LocalEventBus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
    }

    @Override
    public boolean accepts(AwsRequest request) {
        return request.target().filter(target -> target.startsWith("AWSEvents.")).isPresent();
    }

    @Override
    public AwsReply handle(AwsRequest request) {
        if (!request.target().orElseThrow().equals(TARGET)) {
            return AwsReply.error(400, "UnknownOperationException", request.target().get() + " is not served locally");
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            return AwsReply.error(400, "SerializationException", "the request body is not JSON");
        }
        JsonNode entries = body.path("Entries");
        if (!entries.isArray() || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            return AwsReply.error(400, "ValidationException", "Entries must hold 1 to " + MAX_ENTRIES + " events");
        }
        for (JsonNode entry : entries) {
            String busName = busName(entry);
            if (!bus.hasBus(busName)) {
                return AwsReply.error(400, "ResourceNotFoundException", "Event bus " + busName + " does not exist.");
            }
        }
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode results = reply.putArray("Entries");
        int failed = 0;
        for (JsonNode entry : entries) {
            ObjectNode result = results.addObject();
            String problem = problem(entry);
            if (problem != null) {
                failed++;
                result.put("ErrorCode", problem.startsWith("Detail") ? "MalformedDetail" : "InvalidArgument");
                result.put("ErrorMessage", problem);
                continue;
            }
            BusEvent event = BusEvent.of(busName(entry), entry.path("Source").asText(), entry.path("DetailType").asText(),
                    detail(entry), resources(entry), time(entry));
            bus.publish(event);
            result.put("EventId", event.id());
        }
        reply.put("FailedEntryCount", failed);
        return AwsReply.json(reply.toString());
    }

    private static String problem(JsonNode entry) {
        if (entry.path("Source").asText("").isBlank()) {
            return "Parameter Source is not valid. Reason: Source is a required argument.";
        }
        if (entry.path("DetailType").asText("").isBlank()) {
            return "Parameter DetailType is not valid. Reason: DetailType is a required argument.";
        }
        if (entry.path("Detail").asText("").isBlank()) {
            return "Parameter Detail is not valid. Reason: Detail is a required argument.";
        }
        try {
            if (!JSON.readTree(entry.path("Detail").asText()).isObject()) {
                return "Detail is malformed.";
            }
        } catch (IOException e) {
            return "Detail is malformed.";
        }
        return null;
    }

    private static String busName(JsonNode entry) {
        String name = entry.path("EventBusName").asText("");
        int slash = name.indexOf("event-bus/");
        if (slash >= 0) {
            return name.substring(slash + "event-bus/".length());
        }
        return name.isBlank() ? EventRuleSpec.DEFAULT_BUS : name;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(JsonNode entry) {
        try {
            return JSON.readValue(entry.path("Detail").asText(), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException("checked before", e);
        }
    }

    private static List<String> resources(JsonNode entry) {
        List<String> resources = new ArrayList<>();
        entry.path("Resources").forEach(resource -> resources.add(resource.asText()));
        return resources;
    }

    private Instant time(JsonNode entry) {
        JsonNode time = entry.path("Time");
        if (time.isNumber()) {
            return Instant.ofEpochMilli((long) (time.asDouble() * 1000));
        }
        return clock.instant();
    }
}

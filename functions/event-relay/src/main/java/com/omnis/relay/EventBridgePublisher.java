package com.omnis.relay;

import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes to the custom bus with PutEvents: source and detail-type from the envelope, the whole
 * envelope as detail (so consumers get the stable {@code id} and the correlation id).
 *
 * <p>A PutEvents request holds at most 256 KiB of entries, counted as EventBridge counts them; the
 * events are split into requests that fit, and an event that alone is larger is refused for good
 * without being sent. Refusals the bus gives per entry are sorted into permanent (the event is at
 * fault) and transient (everything else, throttling included).
 */
public final class EventBridgePublisher implements EventPublisher {

    /** The largest PutEvents request, and so the largest event. */
    static final int MAX_REQUEST_BYTES = 256 * 1024;

    /** Error codes that blame the event itself, per entry or for a request of one entry. */
    private static final Set<String> EVENT_AT_FAULT = Set.of("InvalidArgument", "MalformedDetail", "ValidationException");

    private final EventBridgeClient client;
    private final String busName;

    public EventBridgePublisher(EventBridgeClient client, String busName) {
        this.client = client;
        this.busName = busName;
    }

    @Override
    public Map<Integer, Refusal> publish(List<DomainEvent> events) {
        if (events.size() > MAX_BATCH) {
            throw new IllegalArgumentException("PutEvents takes at most " + MAX_BATCH + " entries");
        }
        Map<Integer, Refusal> refused = new LinkedHashMap<>();
        List<Integer> request = new ArrayList<>();
        List<PutEventsRequestEntry> entries = events.stream().map(this::entry).toList();
        int requestBytes = 0;
        for (int i = 0; i < entries.size(); i++) {
            int size = size(entries.get(i));
            if (size > MAX_REQUEST_BYTES) {
                refused.put(i, Refusal.permanent("EntryTooLarge",
                        "the event takes " + size + " bytes; a PutEvents entry takes at most " + MAX_REQUEST_BYTES));
                continue;
            }
            if (requestBytes + size > MAX_REQUEST_BYTES) {
                refused.putAll(send(entries, request));
                request = new ArrayList<>();
                requestBytes = 0;
            }
            request.add(i);
            requestBytes += size;
        }
        refused.putAll(send(entries, request));
        return refused;
    }

    private PutEventsRequestEntry entry(DomainEvent event) {
        return PutEventsRequestEntry.builder()
                .eventBusName(busName)
                .source(event.source())
                .detailType(event.type())
                .time(event.occurredAt())
                .resources(List.of())
                .detail(Json.write(event))
                .build();
    }

    /** The entries at {@code positions} in one request; the refused ones by position. */
    private Map<Integer, Refusal> send(List<PutEventsRequestEntry> entries, List<Integer> positions) {
        Map<Integer, Refusal> refused = new LinkedHashMap<>();
        if (positions.isEmpty()) {
            return refused;
        }
        PutEventsResponse response;
        try {
            response = client.putEvents(request -> request.entries(positions.stream().map(entries::get).toList()));
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "Unknown" : e.awsErrorDetails().errorCode();
            if (!e.isThrottlingException() && EVENT_AT_FAULT.contains(code)) {
                if (positions.size() == 1) {
                    refused.put(positions.getFirst(), Refusal.permanent(code, String.valueOf(e.awsErrorDetails().errorMessage())));
                    return refused;
                }
                // the request was refused as a whole: one at a time, to find which event is at fault
                positions.forEach(position -> refused.putAll(send(entries, List.of(position))));
                return refused;
            }
            positions.forEach(position -> refused.put(position, Refusal.transientFailure(code, "PutEvents failed")));
            return refused;
        } catch (SdkException e) {
            // the call itself failed (network, timeout): nothing is known to have gone out
            positions.forEach(position -> refused.put(position, Refusal.transientFailure("CallFailed", "PutEvents failed")));
            return refused;
        }
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            List<PutEventsResultEntry> results = response.entries();
            for (int i = 0; i < results.size(); i++) {
                PutEventsResultEntry result = results.get(i);
                if (result.errorCode() != null) {
                    String message = String.valueOf(result.errorMessage());
                    refused.put(positions.get(i), EVENT_AT_FAULT.contains(result.errorCode())
                            ? Refusal.permanent(result.errorCode(), message)
                            : Refusal.transientFailure(result.errorCode(), message));
                }
            }
        }
        return refused;
    }

    /** An entry's size as EventBridge counts it against the request limit. */
    static int size(PutEventsRequestEntry entry) {
        int size = entry.time() == null ? 0 : 14;
        size += utf8(entry.source()) + utf8(entry.detailType()) + utf8(entry.detail());
        for (String resource : entry.resources()) {
            size += utf8(resource);
        }
        return size;
    }

    private static int utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
}

package com.omnis.relay;

import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes to the custom bus with PutEvents: source and detail-type from the envelope, the whole
 * envelope as detail (so consumers get the stable {@code id} and the correlation id).
 */
public final class EventBridgePublisher implements EventPublisher {

    private final EventBridgeClient client;
    private final String busName;

    public EventBridgePublisher(EventBridgeClient client, String busName) {
        this.client = client;
        this.busName = busName;
    }

    @Override
    public Set<Integer> publish(List<DomainEvent> events) {
        if (events.size() > MAX_BATCH) {
            throw new IllegalArgumentException("PutEvents takes at most " + MAX_BATCH + " entries");
        }
        List<PutEventsRequestEntry> entries = events.stream()
                .map(event -> PutEventsRequestEntry.builder()
                        .eventBusName(busName)
                        .source(event.source())
                        .detailType(event.type())
                        .time(event.occurredAt())
                        .resources(List.of())
                        .detail(Json.write(event))
                        .build())
                .toList();
        PutEventsResponse response;
        try {
            response = client.putEvents(request -> request.entries(entries));
        } catch (SdkException e) {
            // the call itself failed (throttled, network): nothing is known to have gone out
            Set<Integer> all = new LinkedHashSet<>();
            for (int i = 0; i < events.size(); i++) {
                all.add(i);
            }
            return all;
        }
        Set<Integer> refused = new LinkedHashSet<>();
        if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
            List<PutEventsResultEntry> results = response.entries();
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).errorCode() != null) {
                    refused.add(i);
                }
            }
        }
        return refused;
    }
}

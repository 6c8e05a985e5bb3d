package com.omnis.relay;

import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * A bus with EventBridge's limits (10 entries, 256 KiB a request, a source on every entry) whose
 * failures a test programs: whole calls that fail, entries throttled at random. It records what it
 * took, as consumers would receive it.
 */
final class FakeEventBridge implements EventBridgeClient {

    /** The envelopes the bus took, in order, duplicates included. */
    final List<DomainEvent> delivered = new ArrayList<>();
    int calls;

    private int failingCalls;
    private Predicate<PutEventsRequestEntry> throttles = entry -> false;

    /** The next {@code calls} PutEvents calls fail as a whole (the connection drops). */
    FakeEventBridge failingTheNextCalls(int calls) {
        this.failingCalls = calls;
        return this;
    }

    /** Entries for which {@code throttles} holds are refused with ThrottlingException. */
    FakeEventBridge throttling(Predicate<PutEventsRequestEntry> throttles) {
        this.throttles = throttles;
        return this;
    }

    @Override
    public PutEventsResponse putEvents(Consumer<PutEventsRequest.Builder> request) {
        calls++;
        PutEventsRequest built = PutEventsRequest.builder().applyMutation(request).build();
        if (failingCalls > 0) {
            failingCalls--;
            throw SdkClientException.create("connection reset");
        }
        int bytes = built.entries().stream().mapToInt(EventBridgePublisher::size).sum();
        if (built.entries().size() > 10 || bytes > EventBridgePublisher.MAX_REQUEST_BYTES) {
            throw EventBridgeException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                    .errorCode("ValidationException").errorMessage("Total size of the entries in the request is over the limit.")
                    .build()).build();
        }
        List<PutEventsResultEntry> results = new ArrayList<>();
        int failed = 0;
        for (PutEventsRequestEntry entry : built.entries()) {
            if (entry.source() == null || entry.source().isBlank()) {
                failed++;
                results.add(PutEventsResultEntry.builder().errorCode("InvalidArgument")
                        .errorMessage("Parameter Source is not valid. Reason: Source is a required argument.").build());
            } else if (throttles.test(entry)) {
                failed++;
                results.add(PutEventsResultEntry.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded").build());
            } else {
                delivered.add(Json.read(entry.detail(), DomainEvent.class));
                results.add(PutEventsResultEntry.builder().eventId("eb-" + delivered.size()).build());
            }
        }
        return PutEventsResponse.builder().failedEntryCount(failed).entries(results).build();
    }

    @Override
    public String serviceName() {
        return "events";
    }

    @Override
    public void close() {
    }
}

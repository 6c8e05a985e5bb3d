package com.omnis.orders.domain;

import com.omnis.shared.domain.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * The payment as the channel gave it (method, provider reference) and as the provider reported it
 * since; {@code appliedEvents} are the provider event ids already applied (each is applied once),
 * {@code refundRequested} what refunds were asked for so far.
 */
public record Payment(String method, String reference, PaymentStatus status, List<String> appliedEvents,
                      Money refundRequested) {

    public Payment {
        appliedEvents = appliedEvents == null ? List.of() : List.copyOf(appliedEvents);
    }

    Payment applied(String eventId, PaymentStatus next) {
        List<String> events = new ArrayList<>(appliedEvents);
        events.add(eventId);
        return new Payment(method, reference, next, events, refundRequested);
    }

    Payment withRefundRequested(Money more) {
        return new Payment(method, reference, status, appliedEvents, refundRequested.plus(more));
    }
}

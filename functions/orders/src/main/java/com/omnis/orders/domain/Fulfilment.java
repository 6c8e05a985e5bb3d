package com.omnis.orders.domain;

import com.omnis.shared.domain.Sku;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of an order one location fulfils, with its own state machine ({@link FulfilmentMachine})
 * and the reason sourcing chose that location. {@code pickupDeadline} is set when a pickup becomes ready.
 */
public record Fulfilment(String fulfilmentId, FulfilmentKind kind, String locationId, List<Line> lines,
                         FulfilmentState state, Sourcing sourcing, Address address, String carrier,
                         String trackingNumber, Instant pickupDeadline, boolean reminderSent,
                         List<StateChange> history) {

    public record Line(Sku sku, int quantity) {
    }

    public record Sourcing(String reason) {
    }

    public record StateChange(FulfilmentState state, Instant at, String by) {
    }

    public Fulfilment {
        lines = List.copyOf(lines);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public int units(Sku sku) {
        return lines.stream().filter(line -> line.sku().equals(sku)).mapToInt(Line::quantity).sum();
    }

    /** When the goods reached the customer, if they did. */
    public Instant handedOverAt() {
        return history.stream().filter(change -> change.state().isHandedOver()).map(StateChange::at)
                .reduce((a, b) -> b).orElse(null);
    }

    Fulfilment movedTo(FulfilmentState next, Instant at, String by, String newCarrier, String newTracking,
                       Instant newDeadline) {
        List<StateChange> changes = new ArrayList<>(history);
        changes.add(new StateChange(next, at, by));
        return new Fulfilment(fulfilmentId, kind, locationId, lines, next, sourcing, address,
                newCarrier == null ? carrier : newCarrier, newTracking == null ? trackingNumber : newTracking,
                newDeadline == null ? pickupDeadline : newDeadline, reminderSent, changes);
    }

    Fulfilment reminded() {
        return new Fulfilment(fulfilmentId, kind, locationId, lines, state, sourcing, address, carrier, trackingNumber,
                pickupDeadline, true, history);
    }
}

package com.omnis.orders.service;

import com.omnis.orders.domain.Fulfilment;
import com.omnis.orders.domain.FulfilmentKind;
import com.omnis.orders.domain.FulfilmentState;
import java.time.Instant;
import java.util.List;

/** A fulfilment as a location's work list shows it (the index item written with the order). */
public record FulfilmentEntry(String orderId, String number, String fulfilmentId, FulfilmentKind kind, String locationId,
                              FulfilmentState state, Instant placedAt, Instant pickupDeadline, List<Fulfilment.Line> lines) {

    public FulfilmentEntry {
        lines = List.copyOf(lines);
    }
}

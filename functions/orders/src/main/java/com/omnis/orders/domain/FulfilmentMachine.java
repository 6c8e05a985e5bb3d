package com.omnis.orders.domain;

import static com.omnis.orders.domain.FulfilmentState.CANCELLED;
import static com.omnis.orders.domain.FulfilmentState.COLLECTED;
import static com.omnis.orders.domain.FulfilmentState.CREATED;
import static com.omnis.orders.domain.FulfilmentState.DELIVERED;
import static com.omnis.orders.domain.FulfilmentState.DELIVERY_FAILED;
import static com.omnis.orders.domain.FulfilmentState.EXPIRED;
import static com.omnis.orders.domain.FulfilmentState.OUT_FOR_DELIVERY;
import static com.omnis.orders.domain.FulfilmentState.PACKED;
import static com.omnis.orders.domain.FulfilmentState.PICKED;
import static com.omnis.orders.domain.FulfilmentState.READY_FOR_PICKUP;
import static com.omnis.orders.domain.FulfilmentState.SHIPPED;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The state machine of each fulfilment kind, as the table in docs/orders.md shows it. */
public final class FulfilmentMachine {

    private static final Map<FulfilmentKind, Map<FulfilmentState, List<FulfilmentState>>> NEXT =
            new EnumMap<>(FulfilmentKind.class);

    static {
        Map<FulfilmentState, List<FulfilmentState>> shipped = new EnumMap<>(FulfilmentState.class);
        shipped.put(CREATED, List.of(PICKED, CANCELLED));
        shipped.put(PICKED, List.of(PACKED, CANCELLED));
        shipped.put(PACKED, List.of(SHIPPED, CANCELLED));
        shipped.put(SHIPPED, List.of(DELIVERED, DELIVERY_FAILED));
        NEXT.put(FulfilmentKind.DELIVERY, shipped);
        NEXT.put(FulfilmentKind.SHIP_FROM_STORE, shipped);

        Map<FulfilmentState, List<FulfilmentState>> pickup = new EnumMap<>(FulfilmentState.class);
        pickup.put(CREATED, List.of(PICKED, CANCELLED));
        pickup.put(PICKED, List.of(READY_FOR_PICKUP, CANCELLED));
        pickup.put(READY_FOR_PICKUP, List.of(COLLECTED, EXPIRED, CANCELLED));
        NEXT.put(FulfilmentKind.PICKUP, pickup);

        Map<FulfilmentState, List<FulfilmentState>> sameDay = new EnumMap<>(FulfilmentState.class);
        sameDay.put(CREATED, List.of(PICKED, CANCELLED));
        sameDay.put(PICKED, List.of(OUT_FOR_DELIVERY, CANCELLED));
        sameDay.put(OUT_FOR_DELIVERY, List.of(DELIVERED, DELIVERY_FAILED));
        NEXT.put(FulfilmentKind.SAME_DAY, sameDay);

        NEXT.put(FulfilmentKind.IN_STORE, new EnumMap<>(FulfilmentState.class));
    }

    private FulfilmentMachine() {
    }

    /** The states a fulfilment of {@code kind} in state {@code from} may move to, in the table's order. */
    public static List<FulfilmentState> allowed(FulfilmentKind kind, FulfilmentState from) {
        return NEXT.get(kind).getOrDefault(from, List.of());
    }

    public static boolean allows(FulfilmentKind kind, FulfilmentState from, FulfilmentState to) {
        return allowed(kind, from).contains(to);
    }

    /** The state a new fulfilment starts in: at the till the goods are handed over at once. */
    public static FulfilmentState initial(FulfilmentKind kind) {
        return kind == FulfilmentKind.IN_STORE ? COLLECTED : CREATED;
    }
}

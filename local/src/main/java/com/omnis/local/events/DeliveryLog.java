package com.omnis.local.events;

import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/** The last deliveries by rules, schedules and streams, newest first, for {@code GET /_local/events} and tests. */
public final class DeliveryLog {

    private static final int CAPACITY = 200;

    private final Deque<Delivery> deliveries = new ConcurrentLinkedDeque<>();

    public void record(Delivery delivery) {
        deliveries.addFirst(delivery);
        while (deliveries.size() > CAPACITY) {
            deliveries.pollLast();
        }
    }

    public List<Delivery> recent() {
        return List.copyOf(deliveries);
    }
}

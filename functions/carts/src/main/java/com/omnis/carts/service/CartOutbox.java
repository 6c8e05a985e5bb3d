package com.omnis.carts.service;

import com.omnis.shared.events.DomainEvent;

/** Where the carts' events go: the outbox table, whose stream the relay publishes to the bus. */
public interface CartOutbox {

    /** Appends {@code event}: once this returns, the event will be published. */
    void append(DomainEvent event);
}

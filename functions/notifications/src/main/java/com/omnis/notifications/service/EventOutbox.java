package com.omnis.notifications.service;

import com.omnis.shared.events.DomainEvent;

/** The shared outbox table, append only: the relay puts what is appended on the bus. */
public interface EventOutbox {

    void append(DomainEvent event);
}

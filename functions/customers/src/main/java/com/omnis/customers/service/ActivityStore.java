package com.omnis.customers.service;

import com.omnis.customers.domain.Interaction;
import com.omnis.customers.domain.TimelineEntry;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.events.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What happened with a customer, in their partition: the timeline, the recorded contacts, who opened their view. */
public interface ActivityStore {

    /** Adds the entry unless one of the same event is there already (false then): a redelivery is harmless. */
    boolean appendToTimeline(TimelineEntry entry);

    /** The timeline newest first, only {@code types} when not empty, resumed from {@code cursor}. */
    Page<TimelineEntry> timeline(CustomerId customer, Set<String> types, int limit, Optional<String> cursor);

    /** Records the interaction with {@code event} in the outbox, in one transaction. */
    void record(Interaction interaction, DomainEvent event);

    /** The same, unless an interaction with that key is already there (a redelivered contact): false then. */
    boolean recordOnce(Interaction interaction, DomainEvent event);

    /** The last {@code limit} interactions, newest first. */
    List<Interaction> interactions(CustomerId customer, int limit);

    /** Records that {@code viewer} opened the customer's view through {@code route}. */
    void recordView(CustomerId customer, Actor viewer, String route, Instant at, String requestId);

    /** Who opened the customer's view, newest first. */
    List<View> views(CustomerId customer, int limit);

    record View(Actor viewer, String route, Instant at) {
    }
}

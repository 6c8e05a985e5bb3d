package com.omnis.customers.service;

import com.omnis.customers.domain.CustomerEvents;
import com.omnis.customers.domain.Interaction;
import com.omnis.customers.domain.InteractionChannel;
import com.omnis.customers.domain.InteractionOutcome;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.error.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Contacts with a customer, recorded by an agent or store staff: the record and its
 * {@code InteractionRecorded} event commit together, and the timeline learns of it from the event.
 */
public final class InteractionService {

    /** What the 360 view shows. */
    public static final int RECENT = 20;

    /** A contact as the agent or the till typed it. */
    public record Contact(InteractionChannel channel, String reason, String summary, InteractionOutcome outcome) {
    }

    private final CustomerStore customers;
    private final ActivityStore activity;
    private final Clock clock;

    public InteractionService(CustomerStore customers, ActivityStore activity, Clock clock) {
        this.customers = customers;
        this.activity = activity;
        this.clock = clock;
    }

    /** Records the contact by {@code actor} (at {@code storeId} for store staff); a customer nobody knows is a 404. */
    public Interaction record(CustomerId customer, Contact contact, Actor actor, String storeId, String correlationId) {
        if (customers.profile(customer).isEmpty()) {
            throw new NotFoundException("no customer " + customer.value());
        }
        Interaction interaction = new Interaction("int-" + UUID.randomUUID(), customer, contact.channel(),
                contact.reason(), contact.summary(), contact.outcome(), actor, storeId, clock.instant());
        activity.record(interaction, CustomerEvents.interactionRecorded(interaction, correlationId));
        return interaction;
    }

    public List<Interaction> recent(CustomerId customer) {
        return activity.interactions(customer, RECENT);
    }
}

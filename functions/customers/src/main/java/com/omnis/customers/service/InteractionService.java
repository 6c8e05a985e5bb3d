package com.omnis.customers.service;

import com.omnis.customers.domain.CustomerEvents;
import com.omnis.customers.domain.Interaction;
import com.omnis.customers.domain.InteractionChannel;
import com.omnis.customers.domain.InteractionOutcome;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.privacy.PersonalData;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Contacts with a customer, recorded by an agent or store staff: the record and its
 * {@code InteractionRecorded} event commit together, and the timeline learns of it from the event. The
 * event carries the reason sealed with the customer's data key, so an erasure shreds it in the archive too.
 */
public final class InteractionService {

    /** What the 360 view shows. */
    public static final int RECENT = 20;

    /** A contact as the agent or the till typed it. */
    public record Contact(InteractionChannel channel, String reason, String summary, InteractionOutcome outcome) {
    }

    private final CustomerStore customers;
    private final ActivityStore activity;
    private final PersonalData personalData;
    private final Clock clock;

    public InteractionService(CustomerStore customers, ActivityStore activity, PersonalData personalData, Clock clock) {
        this.customers = customers;
        this.activity = activity;
        this.personalData = personalData;
        this.clock = clock;
    }

    /** Records the contact by {@code actor} (at {@code storeId} for store staff); a customer nobody knows is a 404. */
    public Interaction record(CustomerId customer, Contact contact, Actor actor, String storeId, String correlationId) {
        if (customers.profile(customer).isEmpty()) {
            throw new NotFoundException("no customer " + customer.value());
        }
        Interaction interaction = new Interaction("int-" + UUID.randomUUID(), customer, contact.channel(),
                contact.reason(), contact.summary(), contact.outcome(), actor, storeId, clock.instant());
        // no key for an erased customer (their profile is gone first): the event then goes without the reason
        String sealedReason = personalData.seal(customer, interaction.reason()).orElse(null);
        activity.record(interaction, CustomerEvents.interactionRecorded(interaction, sealedReason, correlationId));
        return interaction;
    }

    public List<Interaction> recent(CustomerId customer) {
        return activity.interactions(customer, RECENT);
    }
}

package com.omnis.customers.domain;

import com.omnis.shared.customer.Actor;
import com.omnis.shared.customer.Consent;
import com.omnis.shared.customer.ConsentPurpose;
import com.omnis.shared.customer.ContactChannel;
import com.omnis.shared.customer.SavedItem;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.privacy.Erasure;
import java.time.Instant;
import java.util.List;

/**
 * The events the customers function publishes (the {@code data} of the {@code DomainEvent} envelope,
 * source {@code omnis.customers}). They name the customer by id only: no email, phone or name travels
 * on the bus, so the archive and dead-letter queues hold no contact details.
 */
public final class CustomerEvents {

    public static final String SOURCE = "omnis.customers";
    public static final String CONSENT_CHANGED = "ConsentChanged";
    public static final String ITEM_SAVED = "ItemSaved";
    public static final String ITEM_UNSAVED = "ItemUnsaved";
    public static final String INTERACTION_RECORDED = "InteractionRecorded";

    private CustomerEvents() {
    }

    /**
     * A statement was added to the customer's consent ledger. {@code previouslyGranted} is the pair's
     * state before it (false when never stated); {@code sequence} the statement's rank in the ledger.
     */
    public record ConsentChanged(CustomerId customerId, ConsentPurpose purpose, ContactChannel channel, boolean granted,
                                 boolean previouslyGranted, String wordingVersion, Channel touchpoint, Actor actor,
                                 Instant at, long sequence) {
    }

    /** The customer saved a product, seeing this effective unit price and this availability on their channel. */
    public record ItemSaved(CustomerId customerId, Sku sku, Channel touchpoint, Money priceWhenSaved,
                            long availableWhenSaved, Instant savedAt) {
    }

    /** The customer removed a product from their saved items. */
    public record ItemUnsaved(CustomerId customerId, Sku sku, Channel touchpoint, Instant at) {
    }

    /**
     * An agent or store staff recorded a contact. The summary stays in the customer's partition: what was
     * said on a call is personal, the bus carries only why (sealed with the customer's data key:
     * {@code pd:v1:…}, shared.privacy.PersonalData) and how it ended.
     */
    public record InteractionRecorded(CustomerId customerId, String interactionId, InteractionChannel channel,
                                      String reason, InteractionOutcome outcome, Actor actor, String storeId, Instant at) {
    }

    public static DomainEvent erasureApproved(Erasure.Approved approved, String correlationId) {
        return DomainEvent.of(Erasure.APPROVED, SOURCE, approved.approvedAt(), "customer/" + approved.customerId()
                + "/privacy/" + approved.requestId(), approved, correlationId);
    }

    /** {@code sealedReason}: the interaction's reason sealed for its customer (the words never travel in clear). */
    public static DomainEvent interactionRecorded(Interaction i, String sealedReason, String correlationId) {
        return DomainEvent.of(INTERACTION_RECORDED, SOURCE, i.at(), "customer/" + i.customerId() + "/interaction/"
                        + i.interactionId(),
                new InteractionRecorded(i.customerId(), i.interactionId(), i.channel(), sealedReason, i.outcome(),
                        i.actor(), i.storeId(), i.at()), correlationId);
    }

    public static DomainEvent consentChanged(CustomerId customer, Consent entry, boolean previouslyGranted,
                                             String correlationId) {
        return DomainEvent.of(CONSENT_CHANGED, SOURCE, entry.at(),
                "customer/" + customer + "/consent/" + entry.purpose().code() + "/" + entry.channel().code(),
                new ConsentChanged(customer, entry.purpose(), entry.channel(), entry.granted(), previouslyGranted,
                        entry.wordingVersion(), entry.touchpoint(), entry.actor(), entry.at(), entry.sequence()),
                correlationId);
    }

    public static DomainEvent itemSaved(SavedItem saved, String correlationId) {
        return DomainEvent.of(ITEM_SAVED, SOURCE, saved.savedAt(), subject(saved.customerId(), saved.sku()),
                new ItemSaved(saved.customerId(), saved.sku(), saved.touchpoint(), saved.priceWhenSaved(),
                        saved.availableWhenSaved(), saved.savedAt()), correlationId);
    }

    public static DomainEvent itemUnsaved(CustomerId customer, Sku sku, Channel touchpoint, Instant at,
                                          String correlationId) {
        return DomainEvent.of(ITEM_UNSAVED, SOURCE, at, subject(customer, sku),
                new ItemUnsaved(customer, sku, touchpoint, at), correlationId);
    }

    private static String subject(CustomerId customer, Sku sku) {
        return "customer/" + customer + "/saved/" + sku;
    }
}

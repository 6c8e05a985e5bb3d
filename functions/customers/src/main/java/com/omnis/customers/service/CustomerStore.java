package com.omnis.customers.service;

import com.omnis.shared.customer.Consent;
import com.omnis.shared.customer.Consents;
import com.omnis.shared.customer.CustomerProfile;
import com.omnis.shared.customer.Email;
import com.omnis.shared.customer.NamePrefix;
import com.omnis.shared.customer.PhoneNumber;
import com.omnis.shared.customer.SavedItem;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.events.DomainEvent;
import java.util.List;
import java.util.Optional;

/**
 * The customers' records (one partition per customer). Writes are conditional: a write that lost a
 * race throws {@code StaleWriteException} and the service reads and decides again under {@code Retry}.
 * A write with an event appends it to the outbox in the same transaction.
 */
public interface CustomerStore {

    Optional<CustomerProfile> profile(CustomerId customer);

    /** True once the customer's data was erased: nothing about them is recorded again. */
    boolean erased(CustomerId customer);

    /** Creates the profile of a first sign-in; false when the customer already has one. */
    boolean createProfile(CustomerProfile profile);

    /** Replaces the profile, provided it is still at {@code expectedVersion}. */
    void replaceProfile(CustomerProfile next, long expectedVersion);

    /** The profiles holding this email, from the sparse {@code byEmail} index (eventually consistent). */
    List<CustomerProfile> profilesWithEmail(Email email);

    /** The profiles holding this phone number, from the sparse {@code byPhone} index (eventually consistent). */
    List<CustomerProfile> profilesWithPhone(PhoneNumber phone);

    /** The first profiles whose folded name starts with {@code prefix}, by name ({@code byName} index). */
    List<CustomerProfile> profilesNamed(NamePrefix prefix);

    Consents consents(CustomerId customer);

    /** The last {@code limit} statements of the consent ledger, newest first. */
    List<Consent> ledger(CustomerId customer, int limit);

    /**
     * Appends {@code entry} to the ledger and makes {@code next} the current consents, provided they
     * are still at {@code next.version() - 1}, with {@code event} in the outbox.
     */
    void record(CustomerId customer, Consent entry, Consents next, DomainEvent event);

    Optional<SavedItem> savedItem(CustomerId customer, Sku sku);

    List<SavedItem> savedItems(CustomerId customer);

    /** Saves {@code item}, provided it is not saved yet, with {@code event} in the outbox. */
    void save(SavedItem item, DomainEvent event);

    /** Removes the saved item, provided it is still saved, with {@code event} in the outbox. */
    void unsave(CustomerId customer, Sku sku, DomainEvent event);
}

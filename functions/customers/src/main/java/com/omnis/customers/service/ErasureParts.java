package com.omnis.customers.service;

import com.omnis.shared.privacy.Erasure;
import com.omnis.customers.domain.PrivacyRequest;
import com.omnis.shared.privacy.PersonalData;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customers context's side of an approved erasure: erases its own partition (but the requests) on
 * {@code ErasureApproved} and destroys the customer's data key, so the free text sealed in their events (the
 * archive, dead-letter queues, outbox) cannot be read again, and counts the other contexts' {@code ErasurePartCompleted} until every part
 * answered. Both are idempotent: a redelivered event finds nothing left and the part already counted.
 */
public final class ErasureParts {

    public static final String OWN_PART = "customers";
    private static final Logger LOG = LoggerFactory.getLogger(ErasureParts.class);

    private final PrivacyStore store;
    private final PersonalData personalData;
    private final Clock clock;

    public ErasureParts(PrivacyStore store, PersonalData personalData, Clock clock) {
        this.store = store;
        this.personalData = personalData;
        this.clock = clock;
    }

    public Optional<PrivacyRequest> onApproved(Erasure.Approved approved) {
        int erased = store.eraseCustomerData(approved.customerId());
        // the partition erase took the DATAKEY item too; said here, with this container's cached copy forgotten
        // (the others' within PersonalData.CACHE_TTL), and no key is made again after the ERASED marker
        personalData.destroyKey(approved.customerId());
        LOG.info("erasure {}: {} items of the customer's record deleted", approved.requestId(), erased);
        return store.partDone(approved.customerId(), approved.requestId(), OWN_PART, clock.instant());
    }

    public Optional<PrivacyRequest> onPartCompleted(Erasure.PartCompleted done) {
        Optional<PrivacyRequest> after = store.partDone(done.customerId(), done.requestId(), done.part(), clock.instant());
        if (after.filter(r -> r.state() == PrivacyRequest.State.COMPLETED).isPresent()) {
            // a fact projected between the erasure and now (an event in flight) goes too
            store.eraseCustomerData(done.customerId());
        }
        return after;
    }
}

package com.omnis.customers.service;

import com.omnis.customers.domain.PrivacyRequest;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.events.DomainEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Privacy requests, their export documents, and the erasure of the customer's partition. */
public interface PrivacyStore {

    Optional<PrivacyRequest> request(CustomerId customer, String requestId);

    /** The customer's requests, newest first. */
    List<PrivacyRequest> requests(CustomerId customer);

    /** Keeps the export's document (in chunks, until {@code request.documentExpiresAt()}), then the request. */
    void saveExport(PrivacyRequest request, String document);

    /** The export's document, while it is kept. */
    Optional<String> document(PrivacyRequest request);

    /** Saves a waiting erasure (new, or still waiting with other reasons). */
    void saveWaiting(PrivacyRequest request);

    /** Waiting erasures due to be looked at again ({@link PrivacyRequest#retryAt()} not after {@code now}), oldest first. */
    List<PrivacyRequest> dueErasures(java.time.Instant now, int limit);

    /** The erasure goes ahead: the request and {@code approved} (to every context) in one transaction. */
    void approve(PrivacyRequest erasing, DomainEvent approved);

    /**
     * Deletes every item of the customer's partition but the privacy requests, and leaves the {@code ERASED}
     * marker first, so a late event is no longer projected; answers how many items went.
     */
    int eraseCustomerData(CustomerId customer);

    /** Records that {@code part} was erased; answers the request after it (completed once every part answered). */
    Optional<PrivacyRequest> partDone(CustomerId customer, String requestId, String part, java.time.Instant at);

    /**
     * Everything the customer's partition holds, read in one paginated Query, by section ({@code profile},
     * {@code consentLedger}, {@code savedItems}, {@code timeline}, {@code interactions}, {@code viewedBy},
     * {@code privacyRequests}); an item of a kind this code does not know goes to {@code other}, raw.
     */
    Map<String, List<Object>> sections(CustomerId customer);
}

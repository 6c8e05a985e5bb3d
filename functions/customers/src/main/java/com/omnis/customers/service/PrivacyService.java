package com.omnis.customers.service;

import com.omnis.customers.domain.CustomerEvents;
import com.omnis.customers.domain.PrivacyRequest;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.customer.ConsentPurpose;
import com.omnis.shared.customer.Consents;
import com.omnis.shared.customer.ContactChannel;
import com.omnis.shared.customer.CustomerProfile;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.json.Json;
import com.omnis.shared.privacy.ContactHash;
import com.omnis.shared.privacy.Erasure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The data subject's requests. An export gathers everything held about the customer, in this partition
 * and in every other context, into one JSON document kept 30 days. An erasure waits while something
 * must finish (an open order, a return, the payment dispute window), then is approved: the request and
 * {@code ErasureApproved} commit together, and every context erases its part on that event.
 */
public final class PrivacyService {

    /** How long an export's document is kept for the customer to fetch. */
    public static final Duration DOCUMENT_KEPT = Duration.ofDays(30);

    /** What a request answers: the request, and for a ready export its document. */
    public record Answer(PrivacyRequest request, Object document) {
    }

    private final CustomerStore customers;
    private final PrivacyStore store;
    private final PersonalDataElsewhere elsewhere;
    private final Clock clock;

    public PrivacyService(CustomerStore customers, PrivacyStore store, PersonalDataElsewhere elsewhere, Clock clock) {
        this.customers = customers;
        this.store = store;
        this.elsewhere = elsewhere;
        this.clock = clock;
    }

    /** An export of everything held about the customer, ready at once. */
    public PrivacyRequest export(CustomerId customer, Actor requestedBy) {
        requireKnown(customer);
        Instant now = clock.instant();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("customerId", customer.value());
        document.put("generatedAt", now.toString());
        document.put("format", "omnis-personal-data-export/1");
        document.putAll(store.sections(customer));
        document.putAll(elsewhere.export(customer));
        PrivacyRequest ready = new PrivacyRequest(newId(), customer, PrivacyRequest.Type.EXPORT,
                PrivacyRequest.State.READY, requestedBy, now, now, List.of(), null, null, now, 0, now.plus(DOCUMENT_KEPT));
        store.saveExport(ready, Json.write(document));
        return ready;
    }

    /**
     * An erasure: the open one if there is one (asking twice is one request), else a new one, waiting or
     * approved at once.
     */
    public PrivacyRequest erase(CustomerId customer, Actor requestedBy, String correlationId) {
        Optional<PrivacyRequest> open = store.requests(customer).stream().filter(PrivacyRequest::open).findFirst();
        if (open.isPresent()) {
            return proceedIfFree(open.get(), correlationId);
        }
        requireKnown(customer);
        Instant now = clock.instant();
        PrivacyRequest asked = new PrivacyRequest(newId(), customer, PrivacyRequest.Type.ERASURE,
                PrivacyRequest.State.WAITING, requestedBy, now, now, List.of(), null, null, null, 0, null);
        return proceedIfFree(asked, correlationId);
    }

    /** A waiting erasure looks again at what it waits for: it waits on, or goes ahead. */
    public PrivacyRequest proceedIfFree(PrivacyRequest request, String correlationId) {
        if (request.state() != PrivacyRequest.State.WAITING) {
            return request;
        }
        Instant now = clock.instant();
        List<PrivacyRequest.Blocker> blockers = elsewhere.blockers(request.customerId(), now);
        if (!blockers.isEmpty()) {
            PrivacyRequest waiting = request.waiting(blockers, now);
            boolean due = request.retryAt().filter(at -> !at.isAfter(now)).isPresent();
            if (due || !waiting.waitingFor().equals(request.waitingFor()) || request.updatedAt().equals(request.requestedAt())) {
                store.saveWaiting(waiting);
            }
            return waiting;
        }
        PrivacyRequest erasing = request.erasing(now);
        store.approve(erasing, CustomerEvents.erasureApproved(new Erasure.Approved(request.customerId(),
                request.requestId(), now, optOuts(request.customerId())), correlationId));
        return erasing;
    }

    /** What one run of the retry schedule did: the waiting erasures it looked at, and how many went ahead. */
    public record Retried(int lookedAt, int approved) {
    }

    /**
     * The daily schedule: every waiting erasure whose wait is over (or whose end was unknown a day ago) is
     * looked at again, so an erasure goes ahead without the customer asking twice. The index is read late:
     * each request is read again before deciding.
     */
    public Retried retryWaiting(int limit) {
        int approved = 0;
        List<PrivacyRequest> due = store.dueErasures(clock.instant(), limit);
        for (PrivacyRequest listed : due) {
            Optional<PrivacyRequest> current = store.request(listed.customerId(), listed.requestId());
            if (current.isEmpty() || current.get().state() != PrivacyRequest.State.WAITING) {
                continue;
            }
            try {
                if (proceedIfFree(current.get(), "retry-" + listed.requestId()).state() == PrivacyRequest.State.ERASING) {
                    approved++;
                }
            } catch (com.omnis.shared.dynamo.StaleWriteException wentAhead) {
                // the customer's own look approved it meanwhile
            }
        }
        return new Retried(due.size(), approved);
    }

    /** The request and, for an export still kept, its document. */
    public Answer answer(CustomerId customer, String requestId) {
        PrivacyRequest request = store.request(customer, requestId)
                .orElseThrow(() -> new NotFoundException("no privacy request " + requestId));
        if (request.state() == PrivacyRequest.State.WAITING) {
            request = proceedIfFree(request, requestId);
        }
        Object document = request.type() == PrivacyRequest.Type.EXPORT
                ? store.document(request).map(PrivacyService::parse).orElse(null) : null;
        return new Answer(request, document);
    }

    /** The contacts whose marketing was withdrawn, hashed: the only trace an erasure keeps, so the opt-out holds. */
    private List<Erasure.OptOut> optOuts(CustomerId customer) {
        Optional<CustomerProfile> profile = customers.profile(customer);
        Consents consents = customers.consents(customer);
        List<Erasure.OptOut> optOuts = new ArrayList<>();
        for (ContactChannel channel : ContactChannel.values()) {
            boolean withdrawn = consents.of(ConsentPurpose.MARKETING, channel).map(c -> !c.granted()).orElse(false);
            String contact = profile.map(p -> channel == ContactChannel.EMAIL
                    ? (p.email() == null ? null : p.email().value())
                    : (p.phone() == null ? null : p.phone().value())).orElse(null);
            if (withdrawn && contact != null) {
                optOuts.add(new Erasure.OptOut(channel, ContactHash.of(contact)));
            }
        }
        return optOuts;
    }

    private static Object parse(String document) {
        try {
            return Json.MAPPER.readTree(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("an export document we wrote does not parse", e);
        }
    }

    private void requireKnown(CustomerId customer) {
        if (customers.profile(customer).isEmpty()) {
            throw new NotFoundException("no customer " + customer.value());
        }
    }

    private static String newId() {
        return "prq-" + UUID.randomUUID();
    }
}

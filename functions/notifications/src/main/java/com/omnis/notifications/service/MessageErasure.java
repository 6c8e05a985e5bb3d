package com.omnis.notifications.service;

import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.privacy.Erasure;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifications context's part of a customer's erasure ({@code ErasureApproved}): every opt-out of the
 * event is kept as a hash (a later marketing message to that email or number is still refused), then
 * everything held for the customer goes (delivery log, claims, deferred messages, reminders, cap, order
 * summaries), then {@code ErasurePartCompleted} is appended to the outbox. Each step is idempotent, in this
 * order so that a crash anywhere loses nothing: a redelivery keeps the same opt-outs, deletes nothing more
 * and answers again (the customers context counts a part once).
 */
public final class MessageErasure {

    public static final String SOURCE = "omnis.notifications";
    public static final String PART = "notifications";

    private static final Logger LOG = LoggerFactory.getLogger(MessageErasure.class);

    private final MessageStore store;
    private final EventOutbox outbox;
    private final Clock clock;

    public MessageErasure(MessageStore store, EventOutbox outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Erases the customer's part and answers; returns the answer as appended to the outbox. */
    public Erasure.PartCompleted onApproved(Erasure.Approved approved, String correlationId) {
        Instant now = clock.instant();
        for (Erasure.OptOut optOut : approved.optOuts()) {
            store.keepOptOut(optOut.contactHash(), optOut.channel().code(), now);
        }
        MessageStore.Erased erased = store.erase(approved.customerId().value());
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("messages", erased.messages());
        counts.put("records", erased.records());
        counts.put("suppressions", approved.optOuts().size());
        Erasure.PartCompleted done = new Erasure.PartCompleted(approved.customerId(), approved.requestId(), PART, now, counts);
        DomainEvent answer = Erasure.partCompleted(SOURCE, done, correlationId);
        outbox.append(answer);
        LOG.info("erasure {} of customer {}: {} messages and {} records deleted, {} opt-outs kept; answered {}",
                approved.requestId(), approved.customerId(), erased.messages(), erased.records(), approved.optOuts().size(),
                answer.id());
        return done;
    }
}

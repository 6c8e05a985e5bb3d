package com.omnis.customers.service;

import com.omnis.customers.domain.ConsentStatement;
import com.omnis.customers.domain.CustomerEvents;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.customer.Consent;
import com.omnis.shared.customer.ConsentPurpose;
import com.omnis.shared.customer.Consents;
import com.omnis.shared.customer.ContactChannel;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.dynamo.Retry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The consent ledger: statements are only ever appended, each with when, through which touchpoint,
 * by whom and after which wording; the current consent of a pair is its last statement. A statement
 * and its {@code ConsentChanged} event commit together, and statements about one customer are
 * serialised (a sequence), so the ledger's order is the order they took effect.
 */
public final class ConsentService {

    /** The history {@code GET /me/consents} shows: statements are rare, a few a year. */
    public static final int HISTORY_LIMIT = 100;

    /** The state of one (purpose, channel): granted or not, and the statement that made it so (null: never stated). */
    public record PairState(ConsentPurpose purpose, ContactChannel channel, boolean granted, Instant at,
                            Channel touchpoint, Actor actor, String wordingVersion, Long sequence) {

        static PairState of(ConsentPurpose purpose, ContactChannel channel, Optional<Consent> last) {
            return last.map(c -> new PairState(purpose, channel, c.granted(), c.at(), c.touchpoint(), c.actor(),
                            c.wordingVersion(), c.sequence()))
                    .orElseGet(() -> new PairState(purpose, channel, false, null, null, null, null, null));
        }
    }

    /** Every pair's current state, and the ledger newest first. */
    public record Overview(List<PairState> current, List<Consent> history) {
    }

    private final CustomerStore store;
    private final Clock clock;
    private final Retry retry;

    public ConsentService(CustomerStore store, Clock clock, Retry retry) {
        this.store = store;
        this.clock = clock;
        this.retry = retry;
    }

    public Overview overview(CustomerId customer) {
        Consents consents = store.consents(customer);
        List<PairState> current = new ArrayList<>();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            for (ContactChannel channel : ContactChannel.values()) {
                current.add(PairState.of(purpose, channel, consents.of(purpose, channel)));
            }
        }
        return new Overview(current, store.ledger(customer, HISTORY_LIMIT));
    }

    /** Records the statement unless it repeats the pair's last one; returns the pair's statement now in force. */
    public Consent state(CustomerId customer, ConsentStatement statement, String correlationId) {
        return retry.run(() -> {
            Consents current = store.consents(customer);
            Optional<Consent> entry = statement.entryAfter(current, clock.instant());
            if (entry.isEmpty()) {
                return current.of(statement.purpose(), statement.channel()).orElseThrow();
            }
            boolean before = current.granted(statement.purpose(), statement.channel());
            store.record(customer, entry.get(), current.with(entry.get()),
                    CustomerEvents.consentChanged(customer, entry.get(), before, correlationId));
            return entry.get();
        });
    }
}

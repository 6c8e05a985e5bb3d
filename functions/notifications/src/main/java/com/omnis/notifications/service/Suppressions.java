package com.omnis.notifications.service;

import com.omnis.notifications.domain.Suppression;
import java.time.Clock;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Addresses that must receive nothing more: a hard bounce or a complaint reported by SES (its events reach
 * the default bus), a number that replied STOP (the inbound SMS topic). Every later message to them is
 * suppressed by the policy, with this reason in the customer's log.
 */
public final class Suppressions {

    private static final Logger LOG = LoggerFactory.getLogger(Suppressions.class);

    private final MessageStore store;
    private final Clock clock;

    public Suppressions(MessageStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void suppress(String address, Suppression reason) {
        store.suppress(Suppression.normalise(address), reason.code(), clock.instant());
        LOG.info("an address was suppressed: {}", reason.code());
    }

    /** A reply to our text messages: STOP (and its usual synonyms) suppresses the number; anything else is ignored. */
    public boolean onInboundSms(String from, String body) {
        String word = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
        if (word.equals("STOP") || word.equals("STOPALL") || word.equals("UNSUBSCRIBE") || word.equals("ARRET")
                || word.equals("ARRÊT") || word.equals("BAJA")) {
            suppress(from, Suppression.SMS_STOP);
            return true;
        }
        return false;
    }
}

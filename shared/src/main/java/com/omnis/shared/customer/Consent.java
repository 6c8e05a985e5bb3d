package com.omnis.shared.customer;

import com.omnis.shared.domain.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * One statement of the consent ledger: on {@code at}, through {@code touchpoint}, {@code actor} said the
 * customer does (or no longer does) agree to be contacted for {@code purpose} on {@code channel}, having
 * been shown the wording {@code wordingVersion}. The current consent of a (purpose, channel) is its last statement.
 *
 * @param sequence the statement's rank among the customer's statements (1, 2, …): the ledger's order
 */
public record Consent(ConsentPurpose purpose, ContactChannel channel, boolean granted, Instant at, Channel touchpoint,
                      Actor actor, String wordingVersion, long sequence) {

    public static final int MAX_WORDING_VERSION = 64;
    public static final String WORDING_RULE = "is 1 to 64 letters, digits, '.', '_' or '-' naming the wording shown";

    public Consent {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(actor, "actor");
        wordingVersion(wordingVersion);
        if (sequence < 1) {
            throw new IllegalArgumentException("a statement's sequence starts at 1");
        }
    }

    /** The rule of a wording version, checked where it is parsed. */
    public static String wordingVersion(String raw) {
        if (raw == null || !raw.matches("[A-Za-z0-9._-]{1," + MAX_WORDING_VERSION + "}")) {
            throw new IllegalArgumentException(WORDING_RULE);
        }
        return raw;
    }

    public boolean isFor(ConsentPurpose purpose, ContactChannel channel) {
        return this.purpose == purpose && this.channel == channel;
    }
}

package com.omnis.customers.domain;

import com.omnis.shared.customer.Actor;
import com.omnis.shared.customer.Consent;
import com.omnis.shared.customer.ConsentPurpose;
import com.omnis.shared.customer.Consents;
import com.omnis.shared.customer.ContactChannel;
import com.omnis.shared.domain.Channel;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What someone states about a customer's consent: for {@code purpose} on {@code channel}, granted or
 * not, after being shown the wording {@code wordingVersion}, through {@code touchpoint}, said by {@code actor}.
 */
public record ConsentStatement(ConsentPurpose purpose, ContactChannel channel, boolean granted, String wordingVersion,
                               Channel touchpoint, Actor actor) {

    public ConsentStatement {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(channel, "channel");
        Consent.wordingVersion(wordingVersion);
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(actor, "actor");
    }

    /**
     * The ledger entry this statement adds to {@code current}, the next in sequence; none when it
     * repeats the pair's last statement (same answer to the same wording): a retried request, or a
     * screen shown twice, records nothing new.
     */
    public Optional<Consent> entryAfter(Consents current, Instant at) {
        Optional<Consent> last = current.of(purpose, channel);
        if (last.isPresent() && last.get().granted() == granted && last.get().wordingVersion().equals(wordingVersion)) {
            return Optional.empty();
        }
        return Optional.of(new Consent(purpose, channel, granted, at, touchpoint, actor, wordingVersion,
                current.version() + 1));
    }
}

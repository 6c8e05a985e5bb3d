package com.omnis.notifications.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the policy decided for one message on one channel, and why: the delivery log shows both.
 *
 * @param reason a stable code ({@code transactional}, {@code consented}, {@code no-consent}, {@code bounced},
 *               {@code complained}, {@code sms-stop}, {@code no-address}, {@code quiet-hours}, {@code frequency-cap})
 * @param notBefore for a deferred message, when it may go
 */
public record Decision(Outcome outcome, String reason, Optional<Instant> notBefore, Language language) {

    public enum Outcome {
        SENT("sent"), DEFERRED("deferred"), SUPPRESSED("suppressed");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(language, "language");
        if ((outcome == Outcome.DEFERRED) != notBefore.isPresent()) {
            throw new IllegalArgumentException("a deferred decision, and only it, says when the message may go");
        }
    }

    public static Decision send(String reason, Language language) {
        return new Decision(Outcome.SENT, reason, Optional.empty(), language);
    }

    public static Decision defer(String reason, Instant notBefore, Language language) {
        return new Decision(Outcome.DEFERRED, reason, Optional.of(notBefore), language);
    }

    public static Decision suppress(String reason, Language language) {
        return new Decision(Outcome.SUPPRESSED, reason, Optional.empty(), language);
    }

    public boolean sends() {
        return outcome == Outcome.SENT;
    }
}

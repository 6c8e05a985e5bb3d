package com.omnis.notifications.domain;

import java.time.Instant;

/**
 * The one policy every message goes through, in this order, the first step that refuses deciding:
 * <ol>
 *   <li>classify: the kind's purpose (transactional, marketing, saved-item alerts);</li>
 *   <li>consent: a non-transactional message needs the customer's consent for its purpose on the channel;</li>
 *   <li>suppression: no address on file, a bounced or complained address, a number that replied STOP; for a
 *       non-transactional message also the opt-out an erased customer left on that contact (kept as its hash,
 *       {@code marketing-withdrawn}): the sender looks them up and gives the first found as {@code suppression};</li>
 *   <li>quiet hours: no text message, and no marketing at all, between 21:00 and 08:00 in the customer's time
 *       zone: the message is deferred to the next 08:00, never dropped (a schedule sends it then, after running
 *       this policy again);</li>
 *   <li>frequency cap: at most {@link #MARKETING_PER_DAY} non-transactional message per customer per day of their
 *       time zone, whatever the channel; another one waits for 08:00 the next day;</li>
 *   <li>language: the customer's locale if it is fr, es or en, else en.</li>
 * </ol>
 */
public final class DeliveryPolicy {

    public static final int MARKETING_PER_DAY = 1;

    /** What the policy looks at for one message on one channel. */
    public record Facts(MessageKind kind, MessageChannel channel, Recipient recipient, boolean consented,
                        java.util.Optional<String> suppression, boolean marketingSentToday, Instant now) {
    }

    private DeliveryPolicy() {
    }

    public static Decision decide(Facts facts) {
        Language language = facts.recipient().language();
        Purpose purpose = facts.kind().purpose();
        if (purpose.isMarketing() && !facts.consented()) {
            return Decision.suppress("no-consent", language);
        }
        if (facts.recipient().address(facts.channel()).isEmpty()) {
            return Decision.suppress("no-address", language);
        }
        if (facts.suppression().isPresent()) {
            return Decision.suppress(facts.suppression().get(), language);
        }
        boolean quietApplies = facts.channel() == MessageChannel.SMS || purpose.isMarketing();
        if (quietApplies && QuietHours.isQuiet(facts.now(), facts.recipient().timeZone())) {
            return Decision.defer("quiet-hours", QuietHours.nextAllowed(facts.now(), facts.recipient().timeZone()), language);
        }
        if (purpose.isMarketing() && facts.marketingSentToday()) {
            return Decision.defer("frequency-cap", QuietHours.nextDay(facts.now(), facts.recipient().timeZone()), language);
        }
        return Decision.send(purpose.isMarketing() ? "consented" : "transactional", language);
    }
}

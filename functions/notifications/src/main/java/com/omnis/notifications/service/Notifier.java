package com.omnis.notifications.service;

import com.omnis.notifications.domain.ClaimKey;
import com.omnis.notifications.domain.ClaimState;
import com.omnis.notifications.domain.Decision;
import com.omnis.notifications.domain.DeliveryPolicy;
import com.omnis.notifications.domain.Delivery;
import com.omnis.notifications.domain.EmailContent;
import com.omnis.notifications.domain.LocaleFormats;
import com.omnis.notifications.domain.MessageChannel;
import com.omnis.notifications.domain.MessageRequest;
import com.omnis.notifications.domain.Recipient;
import com.omnis.notifications.domain.Suppression;
import com.omnis.shared.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one requested message on each of its kind's channels, through the one {@link DeliveryPolicy},
 * exactly once per (event, kind, channel, customer). The steps, and what a crash after each does:
 * <ol>
 *   <li>read the claim: a settled one (sent, suppressed, deferred, uncertain) means a redelivery: nothing to do.
 *       A {@code SENDING} claim younger than {@link #SENDING_LEASE} is another delivery at work: we throw, the
 *       platform retries later and then finds it settled; an older one is a crash between sending and recording
 *       (step 5), settled as {@code UNCERTAIN} and never sent again;</li>
 *   <li>decide (policy) and render (templates): nothing written; a crash here leaves nothing behind, the retry
 *       starts over;</li>
 *   <li>a decision that sends nothing now is recorded with its log line (and the deferred item) under the
 *       condition that no claim exists: a concurrent delivery records it once;</li>
 *   <li>take the claim {@code SENDING} under the same condition (marketing first takes the customer's daily
 *       slot): the loser of two concurrent deliveries stops here. A crash after it is step 1's old claim;</li>
 *   <li>call the provider. If it fails, the claim (and the slot) are given back and the failure rethrown: the
 *       platform retries, then the event goes to the dead-letter queue. A crash after the provider accepted,
 *       before step 6, leaves {@code SENDING}: at most once wins over at least once, a person never gets two;</li>
 *   <li>{@code SENDING} → {@code SENT} with its log line, in one transaction.</li>
 * </ol>
 */
public final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    /** Longer than a send with its retries inside one invocation (the function times out at 15 s). */
    public static final Duration SENDING_LEASE = Duration.ofMinutes(2);

    /** Another delivery of the same event is sending this message right now: try again later. */
    public static final class MessageInFlightException extends RuntimeException {
        MessageInFlightException(ClaimKey key) {
            super("message " + key.kind().code() + " on " + key.channel().code() + " is being sent by another delivery");
        }
    }

    /** What happened to a request on each channel. */
    public record Outcome(MessageChannel channel, Optional<Decision> decision, String note) {
    }

    private final CustomerDirectory customers;
    private final MessageStore store;
    private final Templates templates;
    private final EmailSender email;
    private final SmsSender sms;
    private final String unsubscribeUrl;
    private final Map<String, String> unsubscribeHeaders;
    private final Clock clock;
    private final Metrics metrics;

    /**
     * @param unsubscribeUrl where a customer withdraws consent (the storefront's consent page): every
     *                       non-transactional email links to it and names it in {@code List-Unsubscribe}
     */
    public Notifier(CustomerDirectory customers, MessageStore store, Templates templates, EmailSender email,
                    SmsSender sms, String unsubscribeUrl, Clock clock, Metrics metrics) {
        this.customers = customers;
        this.store = store;
        this.templates = templates;
        this.email = email;
        this.sms = sms;
        this.unsubscribeUrl = unsubscribeUrl;
        // RFC 8058 one-click: mail clients show an unsubscribe button and POST to the URL
        this.unsubscribeHeaders = Map.of("List-Unsubscribe", "<" + unsubscribeUrl + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Sends (or defers, or suppresses) the request on every channel of its kind. */
    public List<Outcome> notify(MessageRequest request) {
        return request.kind().channels().stream().map(channel -> deliver(request, channel, false)).toList();
    }

    /**
     * Sends (or defers, or suppresses) the request on {@code channel} only: for a kind whose channel is chosen per
     * message (the agent's choice for {@code cart-sent}), never one its kind does not go out on.
     */
    public Outcome notifyOn(MessageRequest request, MessageChannel channel) {
        if (!request.kind().channels().contains(channel)) {
            throw new IllegalArgumentException(request.kind().code() + " is not sent by " + channel.code());
        }
        return deliver(request, channel, false);
    }

    /** A deferred message whose time came: the policy runs again (consent may be gone, the night may not be over). */
    public Outcome deliverDeferred(MessageStore.Deferred deferred) {
        return deliver(deferred.request(), deferred.channel(), true);
    }

    /** Sends what is due among the deferred messages; returns how many it looked at. */
    public int deliverDue(int limit) {
        List<MessageStore.Deferred> due = store.dueDeferred(clock.instant(), limit);
        for (MessageStore.Deferred deferred : due) {
            try {
                deliverDeferred(deferred);
            } catch (RuntimeException e) {
                // one failing message must not hold back the others; it stays deferred and is tried next run
                metrics.count("DeferredFailures");
                LOG.error("deferred message {} could not be delivered", deferred.request().kind().code(), e);
            }
        }
        return due.size();
    }

    private Outcome deliver(MessageRequest request, MessageChannel channel, boolean fromDeferred) {
        ClaimKey key = request.claimKey(channel);
        Instant now = clock.instant();
        Optional<MessageStore.Claim> claim = store.claim(key);
        Optional<ClaimState> expected = fromDeferred ? Optional.of(ClaimState.DEFERRED) : Optional.empty();
        if (claim.isPresent() && !(fromDeferred && claim.get().state() == ClaimState.DEFERRED)) {
            return alreadyClaimed(request, channel, key, claim.get(), now);
        }
        if (fromDeferred && claim.isEmpty()) {
            return new Outcome(channel, Optional.empty(), "the deferred message is gone");
        }
        Optional<Recipient> found = customers.recipient(request.customerId());
        if (found.isEmpty()) {
            LOG.warn("no customer record for a {} message; nothing sent", request.kind().code());
            return new Outcome(channel, Optional.empty(), "no customer record");
        }
        Recipient recipient = found.get();
        LocalDate today = now.atZone(recipient.timeZone()).toLocalDate();
        boolean marketing = request.kind().purpose().isMarketing();
        boolean consented = marketing && customers.consented(recipient.customerId(), request.kind().purpose(), channel);
        // an erased customer's opt-out (kept as a hash) still holds for the marketing sent to that contact
        Optional<String> suppression = recipient.address(channel).flatMap(address -> store.suppression(Suppression.normalise(address))
                .or(() -> marketing ? store.optOut(address) : Optional.empty()));
        Decision decision = DeliveryPolicy.decide(new DeliveryPolicy.Facts(request.kind(), channel, recipient, consented,
                suppression, marketing && store.marketingSentOn(recipient.customerId(), today), now));
        if (!decision.sends()) {
            return record(request, channel, key, expected, decision, Optional.empty(), now);
        }

        Map<String, Object> model = new LinkedHashMap<>(LocaleFormats.localise(request.model(), decision.language(),
                recipient.timeZone()));
        model.put("customerName", recipient.name());
        model.put("lang", decision.language().code());
        model.put("unsubscribeUrl", unsubscribeUrl);
        Rendered rendered = render(request, channel, decision, model);

        if (marketing && !store.takeMarketingDay(recipient.customerId(), today)) {
            Decision capped = Decision.defer("frequency-cap",
                    com.omnis.notifications.domain.QuietHours.nextDay(now, recipient.timeZone()), decision.language());
            return record(request, channel, key, expected, capped, Optional.empty(), now);
        }
        if (!store.startSending(key, fromDeferred, now)) {
            if (marketing) {
                store.releaseMarketingDay(recipient.customerId(), today);
            }
            return new Outcome(channel, Optional.empty(), "another delivery took this message");
        }
        try {
            String address = recipient.address(channel).orElseThrow();
            if (channel == MessageChannel.EMAIL) {
                email.send(new EmailSender.Email(address, rendered.email().subject(), rendered.email().html(),
                        rendered.email().text(), marketing ? unsubscribeHeaders : Map.of()));
            } else {
                sms.send(address, rendered.sms());
            }
        } catch (RuntimeException e) {
            store.release(key, fromDeferred);
            if (marketing) {
                store.releaseMarketingDay(recipient.customerId(), today);
            }
            metrics.count("SendFailures");
            throw e;
        }
        store.sent(key, log(request, channel, decision, Optional.ofNullable(rendered.subject()), clock.instant()));
        metrics.count("MessagesSent");
        return new Outcome(channel, Optional.of(decision), "sent");
    }

    private Outcome alreadyClaimed(MessageRequest request, MessageChannel channel, ClaimKey key, MessageStore.Claim claim,
                                   Instant now) {
        if (claim.state() != ClaimState.SENDING) {
            return new Outcome(channel, Optional.empty(), "already " + claim.state().name().toLowerCase());
        }
        if (claim.at().plus(SENDING_LEASE).isAfter(now)) {
            throw new MessageInFlightException(key);
        }
        // a crash between the provider's answer and our record: we cannot know whether it went, so it never goes twice
        Decision uncertain = Decision.suppress("send-unconfirmed", com.omnis.notifications.domain.Language.FALLBACK);
        store.settle(key, Optional.of(ClaimState.SENDING), ClaimState.UNCERTAIN,
                log(request, channel, uncertain, Optional.empty(), now), Optional.empty());
        metrics.count("MessagesUncertain");
        LOG.warn("a {} message was claimed {} ago and never confirmed; not sent again", key.kind().code(),
                Duration.between(claim.at(), now));
        return new Outcome(channel, Optional.of(uncertain), "uncertain");
    }

    private Outcome record(MessageRequest request, MessageChannel channel, ClaimKey key, Optional<ClaimState> from,
                           Decision decision, Optional<String> subject, Instant now) {
        ClaimState to = decision.outcome() == Decision.Outcome.DEFERRED ? ClaimState.DEFERRED : ClaimState.SUPPRESSED;
        Optional<MessageStore.Deferred> deferred = decision.notBefore()
                .map(notBefore -> new MessageStore.Deferred(request, channel, notBefore));
        boolean recorded = store.settle(key, from, to, log(request, channel, decision, subject, now), deferred);
        metrics.count(to == ClaimState.DEFERRED ? "MessagesDeferred" : "MessagesSuppressed");
        return new Outcome(channel, Optional.of(decision), recorded ? decision.outcome().code() : "recorded by another delivery");
    }

    private record Rendered(EmailContent email, String sms) {
        String subject() {
            return email != null ? email.subject() : null;
        }
    }

    private Rendered render(MessageRequest request, MessageChannel channel, Decision decision, Map<String, Object> model) {
        return channel == MessageChannel.EMAIL
                ? new Rendered(templates.email(request.kind(), decision.language(), model), null)
                : new Rendered(null, templates.sms(request.kind(), decision.language(), model));
    }

    private static Delivery log(MessageRequest request, MessageChannel channel, Decision decision, Optional<String> subject,
                                Instant at) {
        return new Delivery(request.customerId(), at, request.kind(), channel, decision.outcome(), decision.reason(),
                request.eventId(), request.eventType(), decision.notBefore(), subject, Optional.ofNullable(request.reference()));
    }
}

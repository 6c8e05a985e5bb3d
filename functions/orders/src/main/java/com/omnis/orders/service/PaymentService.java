package com.omnis.orders.service;

import com.omnis.orders.domain.Order;
import com.omnis.orders.domain.PaymentStatus;
import com.omnis.orders.domain.Signatures;
import com.omnis.shared.error.UnauthenticatedException;
import com.omnis.shared.metrics.Metrics;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment provider's webhook: verified (HMAC over timestamp and body, 5 minutes), each provider
 * event applied once, keyed by the payment reference the channel gave at checkout. A webhook never
 * creates an order: one that arrives before its order exists is kept and applied when it does.
 */
public final class PaymentService {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);

    /** A verified provider event. */
    public record PaymentEvent(String eventId, PaymentStatus status, String reference) {
    }

    /** What the webhook did: {@code applied}, {@code duplicate} (already applied), or {@code pending} (no order yet). */
    public record Outcome(String result, String orderId) {
    }

    private final OrderStore store;
    private final OrderService orders;
    private final Signatures signatures;
    private final Clock clock;
    private final Metrics metrics;

    public PaymentService(OrderStore store, OrderService orders, Signatures signatures, Clock clock, Metrics metrics) {
        this.store = store;
        this.orders = orders;
        this.signatures = signatures;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Refuses (401, nothing changed) a forged or stale signature before anything is parsed. */
    public void verify(String timestamp, String body, String signature) {
        if (!signatures.verifiesWebhook(timestamp, body, signature, clock.instant())) {
            metrics.count("WebhooksRefused");
            throw new UnauthenticatedException("the webhook signature is missing, wrong, or older than 5 minutes");
        }
    }

    public Outcome apply(PaymentEvent event, String correlationId) {
        try {
            return applyOnce(event, correlationId);
        } catch (com.omnis.shared.dynamo.StaleWriteException orderAppeared) {
            // the checkout claimed the reference between our read and our write: the order exists now
            return applyOnce(event, correlationId);
        }
    }

    private Outcome applyOnce(PaymentEvent event, String correlationId) {
        Optional<String> orderId = store.orderOfPayment(event.reference());
        if (orderId.isEmpty()) {
            boolean kept = store.keepPendingPayment(event.reference(),
                    new PendingPayment(event.eventId(), event.status(), clock.instant()));
            return new Outcome(kept ? "pending" : "duplicate", null);
        }
        Order before = store.find(orderId.get()).orElseThrow();
        if (before.payment().appliedEvents().contains(event.eventId())) {
            return new Outcome("duplicate", before.orderId());
        }
        orders.change(orderId.get(), correlationId,
                order -> order.applyPayment(event.eventId(), event.status(), clock.instant()),
                Optional.of(event.eventId()), Optional.empty());
        return new Outcome("applied", orderId.get());
    }

    /** After checkout: applies what arrived before the order existed (a crash here is caught up by the next webhook). */
    public void applyPending(Order placed) {
        String reference = placed.payment().reference();
        if (reference == null) {
            return;
        }
        try {
            List<PendingPayment> pending = store.pendingPayments(reference);
            List<String> applied = new ArrayList<>();
            for (PendingPayment payment : pending) {
                apply(new PaymentEvent(payment.eventId(), payment.status(), reference), "pending-" + payment.eventId());
                applied.add(payment.eventId());
            }
            if (!applied.isEmpty()) {
                store.clearPendingPayments(reference, applied, clock.instant());
            }
        } catch (RuntimeException e) {
            LOG.error("could not apply the early payment events of order {}; the next webhook applies them", placed.orderId(), e);
        }
    }

    /** Applies what is kept for a reference whose order now exists (called before each new event). */
    public void catchUp(String reference) {
        store.orderOfPayment(reference).flatMap(store::find).ifPresent(this::applyPending);
    }
}

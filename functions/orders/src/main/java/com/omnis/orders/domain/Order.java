package com.omnis.orders.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.EnumCodes;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.error.RuleViolationException;
import com.omnis.shared.pricing.Totals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An order: what was bought at which price, through which channel and by whom; the fulfilments
 * that bring it to the customer; payment, returns, claims. Every change is a method that answers
 * the order after it, the events it emits and its stock effects ({@link Change}); an invalid change
 * throws the domain error the caller sees. {@code sequence} is bumped by every change.
 */
public record Order(String orderId, String number, Channel channel, PlacedBy placedBy, String customerId,
                    String guestTokenHash, String cartId, Contact contact, String currency, List<OrderLine> lines,
                    Totals totals, List<Fulfilment> fulfilments, Payment payment, List<OrderReturn> returns,
                    List<Claim> claims, DeliveryConfirmation deliveryConfirmation, String cancelReason,
                    Instant placedAt, Instant updatedAt, long sequence) {

    /** Derived from the fulfilments, as Medusa derives an order's status. */
    public enum Status {
        PLACED, PARTIALLY_FULFILLED, COMPLETED, CANCELLED;

        @JsonValue
        public String code() {
            return EnumCodes.codeOf(this);
        }

        @JsonCreator
        public static Status parse(String code) {
            return EnumCodes.parse(Status.class, code, "order status");
        }
    }

    /** The order after a change, what the change emits, and what it does to stock; {@code changed} false for a no-op. */
    public record Change(Order order, List<OrderEvent> events, List<StockEffect> stock, boolean changed) {
        public Change {
            events = List.copyOf(events);
            stock = List.copyOf(stock);
        }

        static Change none(Order order) {
            return new Change(order, List.of(), List.of(), false);
        }
    }

    public Order {
        Objects.requireNonNull(orderId, "orderId");
        lines = List.copyOf(lines);
        fulfilments = List.copyOf(fulfilments);
        returns = returns == null ? List.of() : List.copyOf(returns);
        claims = claims == null ? List.of() : List.copyOf(claims);
    }

    // ---- derived ---------------------------------------------------------------------------------

    public Status status() {
        List<Fulfilment> live = live();
        if (live.isEmpty()) {
            return Status.CANCELLED;
        }
        long done = live.stream().filter(f -> f.state().isFinal()).count();
        if (done == live.size()) {
            return Status.COMPLETED;
        }
        return live.stream().anyMatch(f -> f.state().isHandedOver()) ? Status.PARTIALLY_FULFILLED : Status.PLACED;
    }

    /** Aggregated over the live fulfilments: {@code not-fulfilled}, {@code partially-shipped}, {@code shipped}, {@code partially-delivered}, {@code delivered}, {@code cancelled}. */
    public String fulfilmentStatus() {
        List<Fulfilment> live = live();
        if (live.isEmpty()) {
            return "cancelled";
        }
        long handed = live.stream().filter(f -> f.state().isHandedOver()).count();
        long left = live.stream().filter(f -> f.state().hasLeft()).count();
        if (handed == live.size()) {
            return "delivered";
        }
        if (handed > 0) {
            return "partially-delivered";
        }
        if (left == live.size()) {
            return "shipped";
        }
        return left > 0 ? "partially-shipped" : "not-fulfilled";
    }

    /** The fulfilments still meant to reach the customer: not cancelled, not expired uncollected. */
    private List<Fulfilment> live() {
        return fulfilments.stream()
                .filter(f -> f.state() != FulfilmentState.CANCELLED && f.state() != FulfilmentState.EXPIRED).toList();
    }

    public Optional<Fulfilment> fulfilment(String fulfilmentId) {
        return fulfilments.stream().filter(f -> f.fulfilmentId().equals(fulfilmentId)).findFirst();
    }

    public Optional<OrderReturn> orderReturn(String returnId) {
        return returns.stream().filter(r -> r.returnId().equals(returnId)).findFirst();
    }

    public boolean isFulfilledAt(String locationId) {
        return fulfilments.stream().anyMatch(f -> f.locationId().equals(locationId));
    }

    // ---- placing ---------------------------------------------------------------------------------

    /** A new order at sequence 1 and its {@code OrderPlaced}; a till sale is collected at once, and so completed. */
    public static Change place(Order placed) {
        List<OrderEvent> events = new ArrayList<>();
        events.add(OrderEvent.of(OrderEvent.ORDER_PLACED, placed, "channel", placed.channel().code(),
                "customerId", placed.customerId(), "placedBy", placed.placedBy(), "total", placed.totals().total(),
                "paymentStatus", placed.payment().status().code(), "lines", placed.lines().stream()
                        .map(l -> Map.of("sku", l.sku().value(), "quantity", l.quantity(), "lineTotal", l.lineTotal())).toList(),
                "fulfilments", placed.fulfilments().stream().map(f -> Map.of("fulfilmentId", f.fulfilmentId(),
                        "kind", f.kind().code(), "locationId", f.locationId(), "state", f.state().code(),
                        "reason", f.sourcing().reason())).toList()));
        if (placed.status() == Status.COMPLETED) {
            events.add(OrderEvent.of(OrderEvent.ORDER_COMPLETED, placed));
        }
        return new Change(placed, events, List.of(), true);
    }

    // ---- fulfilment ------------------------------------------------------------------------------

    /**
     * Moves one fulfilment to {@code to}. The same state again is a no-op; a move the kind's machine
     * does not allow is 409 listing the allowed ones. Cancelled and expired fulfilments give their units back.
     */
    public Change moveFulfilment(String fulfilmentId, FulfilmentState to, String carrier, String trackingNumber,
                                 Duration pickupWindow, Instant at, String by) {
        Fulfilment current = fulfilment(fulfilmentId).orElseThrow();
        if (current.state() == to) {
            return Change.none(this);
        }
        if (!FulfilmentMachine.allows(current.kind(), current.state(), to)) {
            List<String> allowed = FulfilmentMachine.allowed(current.kind(), current.state()).stream()
                    .map(FulfilmentState::code).toList();
            throw new ConflictException("invalid-transition", "Invalid fulfilment transition",
                    "a " + current.kind().code() + " fulfilment that is " + current.state().code() + " cannot become "
                            + to.code() + (allowed.isEmpty() ? "; it is final" : "; allowed: " + String.join(", ", allowed)),
                    Map.of("fulfilmentId", fulfilmentId, "state", current.state().code(), "allowed", allowed));
        }
        Instant deadline = to == FulfilmentState.READY_FOR_PICKUP ? at.plus(pickupWindow) : null;
        Fulfilment moved = current.movedTo(to, at, by, carrier, trackingNumber, deadline);
        Status before = status();
        Order after = withFulfilment(moved, at);
        List<OrderEvent> events = new ArrayList<>();
        events.add(OrderEvent.of(OrderEvent.fulfilmentType(to), after, "fulfilmentId", fulfilmentId,
                "kind", moved.kind().code(), "locationId", moved.locationId(), "state", to.code(),
                "carrier", moved.carrier(), "trackingNumber", moved.trackingNumber(),
                "pickupDeadline", moved.pickupDeadline(), "lines", moved.lines()));
        List<StockEffect> stock = new ArrayList<>();
        if (to == FulfilmentState.CANCELLED || to == FulfilmentState.EXPIRED) {
            String why = to == FulfilmentState.EXPIRED ? "pickup-expired" : "order-cancelled";
            moved.lines().forEach(line -> stock.add(new StockEffect.Restock(line.sku(), moved.locationId(), line.quantity(), why)));
        }
        if (after.status() != before) {
            if (after.status() == Status.COMPLETED) {
                events.add(OrderEvent.of(OrderEvent.ORDER_COMPLETED, after));
            } else if (after.status() == Status.CANCELLED) {
                events.add(OrderEvent.of(OrderEvent.ORDER_CANCELLED, after, "reason", to.code()));
                refundOfEverything(after).ifPresent(events::add);
            }
        }
        return new Change(after, events, stock, true);
    }

    /** Marks the pickup reminder of a ready fulfilment as sent, once. */
    public Change remindPickup(String fulfilmentId, Instant at) {
        Fulfilment current = fulfilment(fulfilmentId).orElseThrow();
        if (current.reminderSent() || current.state() != FulfilmentState.READY_FOR_PICKUP) {
            return Change.none(this);
        }
        Order after = withFulfilment(current.reminded(), at);
        return new Change(after, List.of(OrderEvent.of(OrderEvent.PICKUP_REMINDER_DUE, after, "fulfilmentId", fulfilmentId,
                "locationId", current.locationId(), "pickupDeadline", current.pickupDeadline())), List.of(), true);
    }

    // ---- cancellation ----------------------------------------------------------------------------

    /** Cancels every fulfilment, if nothing left a location yet; units go back; a captured payment is refunded. */
    public Change cancel(String reason, Instant at, String by) {
        if (status() == Status.CANCELLED) {
            return Change.none(this);
        }
        Optional<Fulfilment> gone = fulfilments.stream().filter(f -> f.state().hasLeft()).findFirst();
        if (gone.isPresent()) {
            throw new ConflictException("not-cancellable", "Order cannot be cancelled",
                    "fulfilment " + gone.get().fulfilmentId() + " is already " + gone.get().state().code()
                            + "; return the goods instead", Map.of("status", status().code()));
        }
        List<Fulfilment> cancelled = new ArrayList<>();
        List<StockEffect> stock = new ArrayList<>();
        for (Fulfilment f : fulfilments) {
            if (f.state().isFinal()) {
                cancelled.add(f);
                continue;
            }
            cancelled.add(f.movedTo(FulfilmentState.CANCELLED, at, by, null, null, null));
            f.lines().forEach(line -> stock.add(new StockEffect.Restock(line.sku(), f.locationId(), line.quantity(),
                    "order-cancelled")));
        }
        Order after = new Order(orderId, number, channel, placedBy, customerId, guestTokenHash, cartId, contact, currency,
                lines, totals, cancelled, payment, returns, claims, deliveryConfirmation, reason, placedAt, at, sequence + 1);
        List<OrderEvent> events = new ArrayList<>();
        events.add(OrderEvent.of(OrderEvent.ORDER_CANCELLED, after, "reason", reason, "cancelledBy", by));
        refundOfEverything(after).ifPresent(events::add);
        Payment refunded = after.payment();
        if (refunded.status() == PaymentStatus.CAPTURED) {
            after = after.withPayment(refunded.withRefundRequested(totals.total().minus(refunded.refundRequested())));
        }
        return new Change(after, events, stock, true);
    }

    private Optional<OrderEvent> refundOfEverything(Order after) {
        if (after.payment().status() != PaymentStatus.CAPTURED) {
            return Optional.empty();
        }
        Money due = totals.total().minus(after.payment().refundRequested());
        return due.amount() <= 0 ? Optional.empty()
                : Optional.of(OrderEvent.of(OrderEvent.REFUND_REQUESTED, after, "amount", due, "reason", "order-cancelled",
                        "paymentReference", after.payment().reference()));
    }

    // ---- returns ---------------------------------------------------------------------------------

    /** Units handed over (delivered or collected) per SKU. */
    public Map<Sku, Integer> handedOver() {
        Map<Sku, Integer> units = new LinkedHashMap<>();
        for (Fulfilment f : fulfilments) {
            if (f.state().isHandedOver()) {
                f.lines().forEach(line -> units.merge(line.sku(), line.quantity(), Integer::sum));
            }
        }
        return units;
    }

    /**
     * Opens a return for units that reached the customer and are not already in a return, within
     * {@code window} of the last hand-over. The returned counts on the lines are the ones a
     * concurrent return is checked against (the store writes the order under its version).
     */
    public Change requestReturn(String returnId, Map<Sku, Integer> units, String reason, Duration window, Instant at,
                                String by) {
        Instant lastHandOver = fulfilments.stream().map(Fulfilment::handedOverAt).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        if (lastHandOver == null) {
            throw new ConflictException("nothing-to-return", "Nothing to return",
                    "no fulfilment of this order was delivered or collected yet", Map.of("status", status().code()));
        }
        if (at.isAfter(lastHandOver.plus(window))) {
            throw new ConflictException("return-window-closed", "Return window closed",
                    "returns were accepted until " + lastHandOver.plus(window), Map.of("returnableUntil", lastHandOver.plus(window)));
        }
        Map<Sku, Integer> handed = handedOver();
        List<OrderLine> updated = new ArrayList<>(lines);
        List<Map<String, Object>> refused = new ArrayList<>();
        for (Map.Entry<Sku, Integer> entry : units.entrySet()) {
            int index = lineIndex(entry.getKey());
            if (index < 0) {
                throw new RuleViolationException("not-on-order", "SKU not on the order",
                        entry.getKey() + " was not bought in order " + number);
            }
            OrderLine line = updated.get(index);
            int returnable = handed.getOrDefault(line.sku(), 0) - line.returned();
            if (entry.getValue() > returnable) {
                refused.add(Map.of("sku", line.sku().value(), "requested", entry.getValue(), "returnable", Math.max(0, returnable)));
            } else {
                updated.set(index, line.withReturned(line.returned() + entry.getValue()));
            }
        }
        if (!refused.isEmpty()) {
            throw new ConflictException("return-exceeds-purchase", "More returned than bought",
                    "a return cannot hold more units than were handed over and not yet returned", Map.of("lines", refused));
        }
        List<OrderReturn.Line> returnLines = units.entrySet().stream()
                .map(e -> new OrderReturn.Line(e.getKey(), e.getValue())).toList();
        OrderReturn opened = new OrderReturn(returnId, returnLines, reason, OrderReturn.Status.REQUESTED, by, at,
                null, null, List.of(), null);
        List<OrderReturn> allReturns = new ArrayList<>(returns);
        allReturns.add(opened);
        Order after = new Order(orderId, number, channel, placedBy, customerId, guestTokenHash, cartId, contact, currency,
                updated, totals, fulfilments, payment, allReturns, claims, deliveryConfirmation, cancelReason, placedAt, at,
                sequence + 1);
        return new Change(after, List.of(OrderEvent.of(OrderEvent.RETURN_REQUESTED, after, "returnId", returnId,
                "lines", returnLines, "reason", PersonalText.of(reason))), List.of(), true);
    }

    /**
     * Receives a requested return at {@code locationId}: every requested unit once, each with its
     * disposition. Restocked units go back on hand there; the refund is what was paid for the units
     * ({@link Refunds}). Receiving the same return again is a no-op.
     */
    public Change receiveReturn(String returnId, String locationId, List<OrderReturn.Received> received, Instant at,
                                String by) {
        OrderReturn requested = orderReturn(returnId).orElseThrow();
        if (requested.status() == OrderReturn.Status.RECEIVED) {
            return Change.none(this);
        }
        Map<Sku, Integer> counted = new LinkedHashMap<>();
        received.forEach(r -> counted.merge(r.sku(), r.quantity(), Integer::sum));
        Map<Sku, Integer> expected = new LinkedHashMap<>();
        requested.lines().forEach(l -> expected.merge(l.sku(), l.quantity(), Integer::sum));
        if (!counted.equals(expected)) {
            throw new RuleViolationException("return-mismatch", "Received units differ from the return",
                    "return " + returnId + " expects " + describe(expected) + ", received " + describe(counted));
        }
        List<OrderLine> updated = new ArrayList<>(lines);
        Money refund = Money.zero(currency);
        for (Map.Entry<Sku, Integer> entry : expected.entrySet()) {
            int index = lineIndex(entry.getKey());
            OrderLine line = updated.get(index);
            refund = refund.plus(Refunds.forUnits(line.lineTotal(), line.quantity(), line.refunded(), entry.getValue()));
            updated.set(index, line.withRefunded(line.refunded() + entry.getValue()));
        }
        OrderReturn done = new OrderReturn(returnId, requested.lines(), requested.reason(), OrderReturn.Status.RECEIVED,
                requested.requestedBy(), requested.requestedAt(), locationId, at, received, refund);
        List<OrderReturn> allReturns = returns.stream().map(r -> r.returnId().equals(returnId) ? done : r).toList();
        Order after = new Order(orderId, number, channel, placedBy, customerId, guestTokenHash, cartId, contact, currency,
                updated, totals, fulfilments, payment.withRefundRequested(refund), allReturns, claims,
                deliveryConfirmation, cancelReason, placedAt, at, sequence + 1);
        List<StockEffect> stock = received.stream()
                .filter(r -> r.disposition() == OrderReturn.Disposition.RESTOCK)
                .map(r -> (StockEffect) new StockEffect.ReturnReceipt(r.sku(), locationId, r.quantity(), returnId)).toList();
        List<OrderEvent> events = new ArrayList<>();
        events.add(OrderEvent.of(OrderEvent.RETURN_RECEIVED, after, "returnId", returnId, "locationId", locationId,
                "lines", received, "refund", refund));
        if (refund.amount() > 0) {
            events.add(OrderEvent.of(OrderEvent.REFUND_REQUESTED, after, "returnId", returnId, "amount", refund,
                    "reason", "return", "paymentReference", payment.reference()));
        }
        return new Change(after, events, stock, true);
    }

    // ---- payment ---------------------------------------------------------------------------------

    /**
     * Applies a payment provider's event once: a known event id is a no-op; a move the payment status
     * does not allow is recorded as seen and changes nothing else. A failed payment cancels the order
     * when nothing left yet.
     */
    public Change applyPayment(String eventId, PaymentStatus next, Instant at) {
        if (payment.appliedEvents().contains(eventId)) {
            return Change.none(this);
        }
        boolean moves = payment.status().mayBecome(next);
        Order after = withPayment(payment.applied(eventId, moves ? next : payment.status()));
        after = new Order(orderId, number, channel, placedBy, customerId, guestTokenHash, cartId, contact, currency,
                lines, totals, fulfilments, after.payment(), returns, claims, deliveryConfirmation, cancelReason, placedAt,
                at, sequence + 1);
        if (!moves) {
            return new Change(after, List.of(), List.of(), true);
        }
        List<OrderEvent> events = new ArrayList<>();
        events.add(OrderEvent.of(OrderEvent.PAYMENT_STATUS_CHANGED, after, "paymentStatus", next.code(),
                "providerEventId", eventId, "paymentReference", payment.reference()));
        if (next == PaymentStatus.FAILED && fulfilments.stream().noneMatch(f -> f.state().hasLeft())) {
            Change cancelled = after.cancel("payment-failed", at, "payment-provider");
            List<OrderEvent> all = new ArrayList<>(events);
            all.addAll(cancelled.events());
            return new Change(cancelled.order(), all, cancelled.stock(), true);
        }
        return new Change(after, events, List.of(), true);
    }

    // ---- delivery confirmation -------------------------------------------------------------------

    /** The customer's answer once something was shipped; "not received" opens a claim. The same answer again is a no-op. */
    public Change confirmDelivery(boolean received, String comment, String claimId, Instant at, String by) {
        if (fulfilments.stream().noneMatch(f -> f.state().hasLeft())) {
            throw new ConflictException("not-shipped", "Nothing shipped yet",
                    "order " + number + " has not been shipped yet", Map.of("fulfilmentStatus", fulfilmentStatus()));
        }
        if (deliveryConfirmation != null && deliveryConfirmation.received() == received
                && Objects.equals(deliveryConfirmation.comment(), comment)) {
            return Change.none(this);
        }
        List<Claim> allClaims = new ArrayList<>(claims);
        if (!received) {
            allClaims.add(new Claim(claimId, comment, at, by, "open"));
        }
        Order after = new Order(orderId, number, channel, placedBy, customerId, guestTokenHash, cartId, contact, currency,
                lines, totals, fulfilments, payment, returns, allClaims, new DeliveryConfirmation(received, comment, at, by),
                cancelReason, placedAt, at, sequence + 1);
        OrderEvent event = received
                ? OrderEvent.of(OrderEvent.DELIVERY_CONFIRMED, after, "received", true, "comment", PersonalText.of(comment))
                : OrderEvent.of(OrderEvent.CLAIM_OPENED, after, "claimId", claimId, "comment", PersonalText.of(comment),
                        "customerId", customerId);
        return new Change(after, List.of(event), List.of(), true);
    }

    // ---- erasure ---------------------------------------------------------------------------------

    /** What stands where the person was once their data is erased. */
    public static final String ERASED = "erased";

    /**
     * The order once its customer's personal data is erased (GDPR Article 17). What tax law keeps for ten
     * years in France stays: number, channel, dates, lines, prices, discounts, taxes, totals, payment method,
     * reference and status, returns' lines and refunds, fulfilments' locations and states, and where a
     * delivery went as far as VAT needs it (postal code, city, country). The person goes: customer id,
     * guest token, cart, contact, the recipient's name and street, free-text comments and reasons, and the
     * customer's id wherever it says who did something (staff stay: they acted as employees). No event:
     * the erasure answers once for all the customer's orders; an order already anonymised is not changed.
     */
    public Change anonymised(Instant at) {
        if (customerId == null && contact == null && guestTokenHash == null && cartId == null) {
            return Change.none(this);
        }
        String person = customerId;
        java.util.function.UnaryOperator<String> who = by -> by != null && by.equals(person) ? ERASED : by;
        PlacedBy placer = placedBy == null ? null
                : new PlacedBy(placedBy.role(), who.apply(placedBy.subject()), placedBy.storeId());
        List<Fulfilment> keptFulfilments = fulfilments.stream().map(f -> new Fulfilment(f.fulfilmentId(), f.kind(),
                f.locationId(), f.lines(), f.state(), f.sourcing(), f.address() == null ? null
                : new Address(null, ERASED, f.address().postalCode(), f.address().city(), f.address().country()),
                f.carrier(), f.trackingNumber(), f.pickupDeadline(), f.reminderSent(),
                f.history().stream().map(h -> new Fulfilment.StateChange(h.state(), h.at(), who.apply(h.by()))).toList()))
                .toList();
        List<OrderReturn> keptReturns = returns.stream().map(r -> new OrderReturn(r.returnId(), r.lines(),
                r.reason() == null ? null : ERASED, r.status(), who.apply(r.requestedBy()), r.requestedAt(),
                r.receivedAt(), r.receivedOn(), r.received(), r.refund())).toList();
        List<Claim> keptClaims = claims.stream().map(c -> new Claim(c.claimId(), c.comment() == null ? null : ERASED,
                c.openedAt(), who.apply(c.openedBy()), c.status())).toList();
        DeliveryConfirmation confirmation = deliveryConfirmation == null ? null
                : new DeliveryConfirmation(deliveryConfirmation.received(), deliveryConfirmation.comment() == null
                ? null : ERASED, deliveryConfirmation.at(), who.apply(deliveryConfirmation.by()));
        Order after = new Order(orderId, number, channel, placer, null, null, null, null, currency, lines, totals,
                keptFulfilments, payment, keptReturns, keptClaims, confirmation, cancelReason, placedAt, at, sequence + 1);
        return new Change(after, List.of(), List.of(), true);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private int lineIndex(Sku sku) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).sku().equals(sku)) {
                return i;
            }
        }
        return -1;
    }

    private Order withFulfilment(Fulfilment moved, Instant at) {
        List<Fulfilment> all = fulfilments.stream().map(f -> f.fulfilmentId().equals(moved.fulfilmentId()) ? moved : f).toList();
        return new Order(orderId, number, channel, placedBy, customerId, guestTokenHash, cartId, contact, currency, lines,
                totals, all, payment, returns, claims, deliveryConfirmation, cancelReason, placedAt, at, sequence + 1);
    }

    private Order withPayment(Payment next) {
        return new Order(orderId, number, channel, placedBy, customerId, guestTokenHash, cartId, contact, currency, lines,
                totals, fulfilments, next, returns, claims, deliveryConfirmation, cancelReason, placedAt, updatedAt, sequence);
    }

    private static String describe(Map<Sku, Integer> units) {
        return units.isEmpty() ? "nothing" : String.join(", ", units.entrySet().stream()
                .map(e -> e.getValue() + " × " + e.getKey().value()).toList());
    }
}

package com.omnis.orders.service;

import com.omnis.orders.domain.Fulfilment;
import com.omnis.orders.domain.FulfilmentState;
import com.omnis.orders.domain.Order;
import com.omnis.orders.domain.OrderNumber;
import com.omnis.orders.domain.OrderReturn;
import com.omnis.orders.domain.Signatures;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Page;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.error.ForbiddenException;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.error.RuleViolationException;
import com.omnis.shared.error.UnauthenticatedException;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.identity.Caller;
import com.omnis.shared.metrics.Metrics;
import com.omnis.shared.privacy.PersonalData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything that happens to an order after checkout, each a read → decide → conditional write
 * under the one {@link Retry} policy, and who may do it (docs/orders.md "Who may call what").
 * A customer asking about another customer's order is told it does not exist.
 */
public final class OrderService {

    public static final String DELIVERY_CONFIRMATION = "delivery-confirmation";
    public static final Duration LINK_VALIDITY = Duration.ofDays(14);

    /** What the rules depend on that operations may set. */
    public record Policy(Duration returnWindow, Function<String, Duration> pickupWindow) {
        public static final Policy DEFAULT = new Policy(Duration.ofDays(30), location -> Duration.ofDays(5));
    }

    private final OrderStore store;
    private final Supplier<List<Location>> locations;
    private final Signatures links;
    private final Policy policy;
    private final Clock clock;
    private final Retry retry;
    private final Metrics metrics;
    private final PersonalData personalData;

    public OrderService(OrderStore store, Supplier<List<Location>> locations, Signatures links, Policy policy, Clock clock,
                        Retry retry, Metrics metrics, PersonalData personalData) {
        this.personalData = personalData;
        this.store = store;
        this.locations = locations;
        this.links = links;
        this.policy = policy;
        this.clock = clock;
        this.retry = retry;
        this.metrics = metrics;
    }

    // ---- reads -----------------------------------------------------------------------------------

    public OrderView get(Caller caller, Optional<String> cartToken, String orderId) {
        return OrderView.of(readable(caller, cartToken, orderId));
    }

    public Page<OrderView> mine(Caller caller, int limit, Optional<String> cursor) {
        caller.requireGroup(Caller.CUSTOMER);
        Page<Order> page = store.customerOrders(caller.subject(), limit, cursor);
        return new Page<>(page.items().stream().map(OrderView::of).toList(), page.nextCursor());
    }

    public OrderView byNumber(Caller caller, OrderNumber number) {
        requireAnyOf(caller, Caller.AGENT, Caller.STORE_STAFF, Caller.OPS);
        return store.findByNumber(number).map(OrderView::of)
                .orElseThrow(() -> new NotFoundException("no order " + number));
    }

    public Page<FulfilmentEntry> fulfilmentsAt(Caller caller, String locationId, Optional<FulfilmentState> state, int limit,
                                               Optional<String> cursor) {
        requireLocationStaff(caller, locationId);
        return store.fulfilmentsAt(locationId, state, limit, cursor);
    }

    /** A delivery-confirmation link for an order's email: only the token, never the order's data. */
    public String confirmationLink(String orderId) {
        return links.issueLink(orderId, DELIVERY_CONFIRMATION, clock.instant().plus(LINK_VALIDITY));
    }

    // ---- changes ---------------------------------------------------------------------------------

    /** A fulfilment's next state, by staff of its location or ops; a repeated event is a no-op. */
    public OrderView moveFulfilment(Caller caller, String orderId, String fulfilmentId, FulfilmentState to, String carrier,
                                    String trackingNumber, String correlationId) {
        caller.requireAuthenticated();
        return change(orderId, correlationId, order -> {
            if (!mayActOnAnyOrder(caller) && !caller.isIn(Caller.STORE_STAFF)) {
                hideFromOthers(caller, order);
                throw new ForbiddenException("fulfilment events are sent by the fulfilling location's staff or ops");
            }
            Fulfilment fulfilment = order.fulfilment(fulfilmentId)
                    .orElseThrow(() -> new NotFoundException("no fulfilment " + fulfilmentId + " in order " + orderId));
            if (!caller.isIn(Caller.OPS)) {
                requireLocationStaff(caller, fulfilment.locationId());
            }
            Instant now = clock.instant();
            return order.moveFulfilment(fulfilmentId, to, carrier, trackingNumber,
                    policy.pickupWindow().apply(fulfilment.locationId()), now, caller.subject());
        }, Optional.empty(), Optional.empty());
    }

    /** Cancels before anything left: the customer (own order), an agent, ops. */
    public OrderView cancel(Caller caller, Optional<String> cartToken, String orderId, String reason, String correlationId) {
        return change(orderId, correlationId, order -> {
            boolean owner = isOwner(caller, cartToken, order);
            if (!owner && !caller.isIn(Caller.AGENT) && !caller.isIn(Caller.OPS)) {
                hideFromOthers(caller, order);
                throw new ForbiddenException("an order is cancelled by its customer, an agent or ops");
            }
            return order.cancel(reason == null ? "customer-request" : reason, clock.instant(), who(caller));
        }, Optional.empty(), Optional.empty());
    }

    /** Opens a return: the customer online, an agent, staff of any store (not only the one that sold it), ops. */
    public OrderView requestReturn(Caller caller, Optional<String> cartToken, String orderId, Map<Sku, Integer> units,
                                   String reason, String correlationId) {
        String returnId = "ret-" + UUID.randomUUID();
        return change(orderId, correlationId, order -> {
            boolean owner = isOwner(caller, cartToken, order);
            if (!owner && !caller.isIn(Caller.AGENT) && !caller.isIn(Caller.OPS) && !caller.isIn(Caller.STORE_STAFF)) {
                hideFromOthers(caller, order);
                throw new ForbiddenException("a return is opened by the customer, an agent or store staff");
            }
            return order.requestReturn(returnId, units, reason, policy.returnWindow(), clock.instant(), who(caller));
        }, Optional.empty(), Optional.of(returnId));
    }

    /** Receives a return at a location, by its staff or ops: restocked units go back on hand there; the refund is requested. */
    public OrderView receiveReturn(Caller caller, String returnId, String locationId, List<OrderReturn.Received> received,
                                   String correlationId) {
        requireLocationStaff(caller, locationId);
        if (locations.get().stream().noneMatch(l -> l.locationId().equals(locationId))) {
            throw new RuleViolationException("unknown-location", "Unknown location", "no store or warehouse has id " + locationId);
        }
        String orderId = store.orderOfReturn(returnId).orElseThrow(() -> new NotFoundException("no return " + returnId));
        return change(orderId, correlationId,
                order -> order.receiveReturn(returnId, locationId, received, clock.instant(), caller.subject()),
                Optional.empty(), Optional.empty());
    }

    /** "Did you receive it?", by the customer or with a delivery-confirmation link token for this order. */
    public OrderView confirmDelivery(Caller caller, Optional<String> cartToken, Optional<String> linkToken, String orderId,
                                     boolean received, String comment, String correlationId) {
        Optional<Signatures.LinkGrant> grant = linkToken.flatMap(token -> links.verifyLink(token, clock.instant()))
                .filter(g -> g.orderId().equals(orderId) && g.purpose().equals(DELIVERY_CONFIRMATION));
        if (linkToken.isPresent() && grant.isEmpty()) {
            throw new UnauthenticatedException("the link is not valid for this order, or it expired");
        }
        String claimId = "clm-" + UUID.randomUUID();
        return change(orderId, correlationId, order -> {
            if (grant.isEmpty() && !isOwner(caller, cartToken, order)) {
                throw new NotFoundException("no order " + orderId);
            }
            String by = grant.isPresent() ? "link" : who(caller);
            Order.Change change = order.confirmDelivery(received, comment, claimId, clock.instant(), by);
            if (change.changed() && !received) {
                metrics.count("ClaimsOpened");
            }
            return change;
        }, Optional.empty(), Optional.empty());
    }

    /** One read → decide → conditional write, retried when another change won the race. */
    OrderView change(String orderId, String correlationId, Function<Order, Order.Change> decide,
                     Optional<String> paymentEventId, Optional<String> newReturnId) {
        return retry.run(() -> {
            Order order = store.find(orderId).orElseThrow(() -> new NotFoundException("no order " + orderId));
            Order.Change change = decide.apply(order);
            if (change.changed()) {
                // a comment or a return reason is sealed for the customer (and left out of a guest's event)
                List<DomainEvent> events = CheckoutService.events(change, clock.instant(), correlationId, personalData);
                store.save(order, change, events, paymentEventId, newReturnId);
            }
            return OrderView.of(change.order());
        });
    }

    // ---- who may -----------------------------------------------------------------------------------

    private Order readable(Caller caller, Optional<String> cartToken, String orderId) {
        Order order = store.find(orderId).orElseThrow(() -> new NotFoundException("no order " + orderId));
        if (isOwner(caller, cartToken, order) || mayActOnAnyOrder(caller) || caller.isIn(Caller.STORE_STAFF)) {
            return order;
        }
        throw new NotFoundException("no order " + orderId);
    }

    static boolean isOwner(Caller caller, Optional<String> cartToken, Order order) {
        if (!caller.isAnonymous() && order.customerId() != null && order.customerId().equals(caller.subject())) {
            return true;
        }
        return order.guestTokenHash() != null && cartToken.map(CheckoutService::sha256)
                .filter(order.guestTokenHash()::equals).isPresent();
    }

    private static boolean mayActOnAnyOrder(Caller caller) {
        return caller.isIn(Caller.AGENT) || caller.isIn(Caller.OPS);
    }

    /** A customer, guest or stranger learns nothing about an order that is not theirs. */
    private static void hideFromOthers(Caller caller, Order order) {
        if (!caller.isIn(Caller.STORE_STAFF) && !mayActOnAnyOrder(caller)) {
            throw new NotFoundException("no order " + order.orderId());
        }
    }

    static void requireLocationStaff(Caller caller, String locationId) {
        caller.requireAuthenticated();
        if (caller.isIn(Caller.OPS)) {
            return;
        }
        if (!caller.isIn(Caller.STORE_STAFF) || caller.storeId().filter(locationId::equals).isEmpty()) {
            throw new ForbiddenException("only staff of " + locationId + " (or ops) act on its fulfilments and returns");
        }
    }

    private static void requireAnyOf(Caller caller, String... groups) {
        caller.requireAuthenticated();
        for (String group : groups) {
            if (caller.isIn(group)) {
                return;
            }
        }
        throw new ForbiddenException("this operation is reserved to " + String.join(", ", groups));
    }

    private static String who(Caller caller) {
        return caller.isAnonymous() ? "guest" : caller.subject();
    }
}

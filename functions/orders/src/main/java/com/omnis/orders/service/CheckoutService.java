package com.omnis.orders.service;

import com.omnis.orders.domain.Fulfilment;
import com.omnis.orders.domain.FulfilmentMachine;
import com.omnis.orders.domain.Order;
import com.omnis.orders.domain.OrderLine;
import com.omnis.orders.domain.OrderNumber;
import com.omnis.orders.domain.Payment;
import com.omnis.orders.domain.PaymentStatus;
import com.omnis.orders.domain.PersonalText;
import com.omnis.orders.domain.PlacedBy;
import com.omnis.orders.domain.Sourcing;
import com.omnis.shared.catalog.Location;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.ProductRepository;
import com.omnis.shared.catalog.PromotionRepository;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.Money;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.error.ForbiddenException;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.error.RuleViolationException;
import com.omnis.shared.error.UnauthenticatedException;
import com.omnis.shared.events.DomainEvent;
import com.omnis.shared.idempotency.IdempotencyClaimLostException;
import com.omnis.shared.identity.Caller;
import com.omnis.shared.inventory.StockPosition;
import com.omnis.shared.inventory.StockReader;
import com.omnis.shared.json.Json;
import com.omnis.shared.metrics.Metrics;
import com.omnis.shared.pricing.PriceCalculator;
import com.omnis.shared.pricing.PricedCart;
import com.omnis.shared.pricing.PricedLine;
import com.omnis.shared.pricing.PricingItem;
import com.omnis.shared.privacy.PersonalData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Checkout: from a cart to an order in one transaction (docs/orders.md). Idempotent per scoped
 * {@code Idempotency-Key}: the first completed response is replayed, another body with the same key
 * is refused, and a key still being worked on answers "in progress".
 */
public final class CheckoutService {

    /** Lowered from 100 so that a checkout is always one transaction: docs/orders.md "Line limit". */
    public static final int MAX_LINES = 50;
    /** How long a completed key answers with its first response. */
    static final Duration IDEMPOTENCY_TTL = Duration.ofHours(24);
    public static final String SOURCE = "omnis.orders";

    /** What a checkout request came to. */
    public sealed interface Outcome {
        record Placed(OrderView order) implements Outcome {
        }

        /** The key completed before: the first response, as it was. */
        record Replayed(String response) implements Outcome {
        }

        record InProgress() implements Outcome {
        }
    }

    private final CheckoutCarts carts;
    private final CheckoutIdempotency idempotency;
    private final OrderStore store;
    private final ProductRepository products;
    private final PromotionRepository promotions;
    private final PriceCalculator pricing;
    private final StockReader stock;
    private final Supplier<List<Location>> locations;
    private final Clock clock;
    private final Retry retry;
    private final RandomGenerator random;
    private final Metrics metrics;
    private final Consumer<Order> afterPlaced;

    public CheckoutService(CheckoutCarts carts, CheckoutIdempotency idempotency, OrderStore store, ProductRepository products,
                           PromotionRepository promotions, PriceCalculator pricing, StockReader stock,
                           Supplier<List<Location>> locations, Clock clock, Retry retry, RandomGenerator random,
                           Metrics metrics, Consumer<Order> afterPlaced) {
        this.carts = carts;
        this.idempotency = idempotency;
        this.store = store;
        this.products = products;
        this.promotions = promotions;
        this.pricing = pricing;
        this.stock = stock;
        this.locations = locations;
        this.clock = clock;
        this.retry = retry;
        this.random = random;
        this.metrics = metrics;
        this.afterPlaced = afterPlaced;
    }

    /** The idempotency scope of a caller: a signed-in subject, or a guest's cart token (hashed: never stored in clear). */
    public static String scope(Caller caller, Optional<String> cartToken) {
        if (!caller.isAnonymous()) {
            return "sub:" + caller.subject();
        }
        return "guest:" + sha256(cartToken.orElseThrow(() -> new UnauthenticatedException(
                "checking out needs a bearer token, or the guest cart's X-Cart-Token")));
    }

    public Outcome checkout(Caller caller, Optional<String> cartToken, Channel channel, CheckoutRequest request,
                            String idempotencyKey, String bodyFingerprint, String correlationId) {
        if (request.onBehalfOf().isPresent()) {
            requireAgentOnCallCenter(caller, channel);
        }
        String scope = "checkout:" + scope(caller, cartToken);
        String key = idempotencyKey;
        Instant now = clock.instant();
        switch (idempotency.claim(scope, key, bodyFingerprint, now)) {
            case CheckoutIdempotency.Claim.Completed completed -> {
                return new Outcome.Replayed(completed.response());
            }
            case CheckoutIdempotency.Claim.PayloadMismatch ignored -> throw new RuleViolationException(
                    "idempotency-key-reused", "Idempotency key reused",
                    "this Idempotency-Key was used for another request body; use a new key for a new checkout");
            case CheckoutIdempotency.Claim.InProgress ignored -> {
                return new Outcome.InProgress();
            }
            case CheckoutIdempotency.Claim.Acquired ignored -> {
            }
        }
        Order placed;
        try {
            placed = retry.run(() -> attempt(caller, cartToken, channel, request, scope, key, bodyFingerprint, correlationId));
        } catch (IdempotencyClaimLostException lost) {
            return new Outcome.InProgress();
        } catch (RuntimeException e) {
            idempotency.abandon(scope, key, bodyFingerprint);
            if (e instanceof ConflictException conflict && conflict.code().equals("insufficient-stock")) {
                metrics.count("CheckoutsRefused");
            }
            throw e;
        }
        metrics.count("OrdersPlaced");
        afterPlaced.accept(placed);
        return new Outcome.Placed(OrderView.of(placed));
    }

    private Order attempt(Caller caller, Optional<String> cartToken, Channel channel, CheckoutRequest request, String scope,
                          String key, String fingerprint, String correlationId) {
        Instant now = clock.instant();
        CheckoutCart cart = request.onBehalfOf()
                .map(customer -> carts.findForCustomer(request.cartId(), caller, customer))
                .orElseGet(() -> carts.find(request.cartId(), caller, cartToken))
                .orElseThrow(() -> new NotFoundException("no cart " + request.cartId()));
        if (!cart.active()) {
            throw new ConflictException("cart-closed", "Cart closed", "cart " + cart.cartId()
                    + " was already checked out or merged", Map.of("cartId", cart.cartId()));
        }
        if (cart.lines().isEmpty()) {
            throw new RuleViolationException("empty-cart", "Empty cart", "cart " + cart.cartId() + " has no lines");
        }
        if (cart.lines().size() > MAX_LINES) {
            throw new RuleViolationException("checkout-too-large", "Cart too large for one checkout",
                    "a checkout takes at most " + MAX_LINES + " lines; split the cart");
        }
        PlacedBy placedBy = authorise(caller, channel, request, cart);

        Map<Sku, Product> catalog = products.findAll(cart.lines().stream().map(CheckoutCart.Line::sku).toList());
        PricedCart priced = price(cart, catalog, now);
        if (request.expectedTotal().isPresent() && !request.expectedTotal().get().equals(priced.totals().total())) {
            throw new ConflictException("total-changed", "Total changed",
                    "the cart now totals " + priced.totals().total().amount() + " " + priced.totals().total().currency()
                            + ", not the expected " + request.expectedTotal().get().amount() + "; show the new total and retry",
                    Map.of("totals", priced.totals(), "lines", priced.lines()));
        }

        List<Fulfilment.Line> wanted = cart.lines().stream().map(l -> new Fulfilment.Line(l.sku(), l.quantity())).toList();
        Channel stockChannel = channel == Channel.STORE && request.method() != Sourcing.Method.IN_STORE ? Channel.WEB : channel;
        List<Sku> skus = wanted.stream().map(Fulfilment.Line::sku).toList();
        Map<Sku, Map<String, StockPosition>> positions = stock.positions(skus);
        Sourcing sourcing = new Sourcing(locations.get(), positions, stockChannel);
        Optional<String> locationId = request.method() == Sourcing.Method.IN_STORE ? caller.storeId() : request.locationId();
        List<Sourcing.Planned> plan = sourcing.plan(request.method(), wanted, locationId,
                request.address().map(a -> a.postalCode()));

        Order order = newOrder(caller, cartToken, channel, request, cart, catalog, placedBy, priced, plan, now);
        Order.Change change = Order.place(order);
        List<StockTake> takes = new ArrayList<>();
        plan.forEach(p -> p.lines().forEach(l -> takes.add(new StockTake(l.sku(), p.locationId(), l.quantity()))));
        String response = Json.write(OrderView.of(order));
        store.place(new Placement(order, cart.version(), stockChannel, takes, positions,
                new CheckoutIdempotency.Completion(scope, key, fingerprint, response, now.plus(IDEMPOTENCY_TTL)),
                events(change, now, correlationId)));
        return order;
    }

    /**
     * A checkout for a customer ({@code customerId} in the body) is a call-centre agent's, on {@code call-center}:
     * 401 for nobody, 403 for a customer (even for themselves), store staff, or another channel.
     */
    private static void requireAgentOnCallCenter(Caller caller, Channel channel) {
        caller.requireGroup(Caller.AGENT);
        if (caller.isIn(Caller.CUSTOMER) || caller.isIn(Caller.STORE_STAFF)) {
            throw new ForbiddenException("checking out for a customer is reserved to call-centre agents");
        }
        if (channel != Channel.CALL_CENTER) {
            throw new ForbiddenException("an agent checks out for a customer on the call-center channel");
        }
    }

    /**
     * Who may check this cart out on this channel, and how the order records them. An agent for a customer
     * (checked by {@link #requireAgentOnCallCenter}) goes through the same payment rules as the customer: no
     * till, no in-store sale, so nothing is captured at checkout that a shopper could not have captured.
     */
    private static PlacedBy authorise(Caller caller, Channel channel, CheckoutRequest request, CheckoutCart cart) {
        boolean staff = caller.isIn(Caller.STORE_STAFF);
        if (channel == Channel.STORE && !staff) {
            throw new ForbiddenException("the store channel is the tills': only store staff check out on it");
        }
        if (request.method() == Sourcing.Method.IN_STORE) {
            if (channel != Channel.STORE || caller.storeId().isEmpty()) {
                throw new ForbiddenException("an in-store sale is made at a store's till, by its staff");
            }
            if (request.payment() != CheckoutRequest.PaymentMethod.TILL) {
                throw new RuleViolationException("payment-not-allowed", "Payment method not allowed",
                        "an in-store sale is paid at the till (payment.method till)");
            }
        } else if (request.payment() == CheckoutRequest.PaymentMethod.TILL) {
            throw new RuleViolationException("payment-not-allowed", "Payment method not allowed",
                    "payment at the till is for in-store sales only");
        }
        if (request.payment() == CheckoutRequest.PaymentMethod.PAY_AT_PICKUP && request.method() != Sourcing.Method.PICKUP) {
            throw new RuleViolationException("payment-not-allowed", "Payment method not allowed",
                    "paying at pickup needs a pickup");
        }
        if (caller.isAnonymous()) {
            if (request.contact().isEmpty()) {
                throw new RuleViolationException("contact-required", "Contact required",
                        "a guest checkout needs contact.email or contact.phone");
            }
            return new PlacedBy("guest", null, null);
        }
        if (staff && channel == Channel.STORE) {
            return new PlacedBy(Caller.STORE_STAFF, caller.subject(), caller.storeId().orElse(null));
        }
        if (request.onBehalfOf().isPresent()) {
            return new PlacedBy(Caller.AGENT, caller.subject(), null);
        }
        return new PlacedBy(Caller.CUSTOMER, caller.subject(), null);
    }

    private PricedCart price(CheckoutCart cart, Map<Sku, Product> catalog, Instant now) {
        List<String> unsellable = new ArrayList<>();
        List<PricingItem> items = new ArrayList<>();
        for (CheckoutCart.Line line : cart.lines()) {
            Product product = catalog.get(line.sku());
            if (product == null || !product.active() || !product.price().currency().equals(cart.currency())) {
                unsellable.add(line.sku().value());
            } else {
                items.add(new PricingItem(line.sku(), product.category(), product.price(), line.quantity()));
            }
        }
        if (!unsellable.isEmpty()) {
            throw new RuleViolationException("not-sellable", "Products no longer sold",
                    "remove " + String.join(", ", unsellable) + " from the cart: no longer sold");
        }
        return pricing.priceCart(cart.currency(), items, promotions.activeAt(now), cart.promoCodes(), now);
    }

    private Order newOrder(Caller caller, Optional<String> cartToken, Channel channel, CheckoutRequest request,
                           CheckoutCart cart, Map<Sku, Product> names, PlacedBy placedBy, PricedCart priced,
                           List<Sourcing.Planned> plan, Instant now) {
        List<OrderLine> lines = priced.lines().stream().map((PricedLine l) -> new OrderLine(l.sku(),
                names.get(l.sku()).name(), l.quantity(), l.unitPrice(), l.discount(), l.lineTotal(), l.promotions(), 0, 0))
                .toList();
        List<Fulfilment> fulfilments = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Sourcing.Planned planned = plan.get(i);
            var initial = FulfilmentMachine.initial(planned.kind());
            fulfilments.add(new Fulfilment("f" + (i + 1), planned.kind(), planned.locationId(), planned.lines(), initial,
                    new Fulfilment.Sourcing(planned.reason()), request.address().orElse(null), null, null, null, false,
                    List.of(new Fulfilment.StateChange(initial, now, placedBy.subject() == null ? "guest" : placedBy.subject()))));
        }
        PaymentStatus paid = switch (request.payment()) {
            case CARD -> PaymentStatus.AUTHORISED;
            case PAY_AT_PICKUP -> PaymentStatus.PENDING;
            case TILL -> PaymentStatus.CAPTURED;
        };
        Payment payment = new Payment(com.omnis.shared.domain.EnumCodes.codeOf(request.payment()),
                request.paymentReference().orElse(null), paid, List.of(), Money.zero(cart.currency()));
        String customerId = cart.customerId();
        String guestHash = customerId == null ? cart.guestTokenHash() : null;
        return new Order("ord-" + UUID.randomUUID(), OrderNumber.random(random).value(), channel, placedBy, customerId,
                guestHash, cart.cartId(), request.contact(), cart.currency(), lines, priced.totals(), fulfilments, payment,
                List.of(), List.of(), null, null, now, now, 1);
    }

    /** The events of a change that carries no free text (checkout): a {@link PersonalText} here is a bug. */
    static List<DomainEvent> events(Order.Change change, Instant at, String correlationId) {
        return events(change, at, correlationId, null);
    }

    /**
     * The events of a change, each {@link PersonalText} sealed with the order's customer's data key
     * ({@code pd:v1:…}); a guest's order (no customer, so no key) and an erased customer's leave the text out:
     * it stays on the order, and no consumer reads it from the event.
     */
    static List<DomainEvent> events(Order.Change change, Instant at, String correlationId, PersonalData personalData) {
        return change.events().stream().map(e -> DomainEvent.of(e.type(), SOURCE, at, "order/" + change.order().orderId(),
                sealed(e.data(), change.order().customerId(), personalData), correlationId)).toList();
    }

    private static Map<String, Object> sealed(Map<String, Object> data, String customerId, PersonalData personalData) {
        if (data.values().stream().noneMatch(PersonalText.class::isInstance)) {
            return data;
        }
        if (personalData == null) {
            throw new IllegalStateException("free text in an event of a change that cannot seal it");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        data.forEach((field, value) -> {
            if (value instanceof PersonalText text) {
                if (customerId != null) {
                    personalData.seal(CustomerId.of(customerId), text.text()).ifPresent(s -> out.put(field, s));
                }
            } else {
                out.put(field, value);
            }
        });
        return out;
    }

    /** The fingerprint of a request body: SHA-256 of its bytes, hex. */
    public static String fingerprint(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The hash carts store for a guest token (SHA-256, base64url): the order keeps it, never the token. */
    public static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package com.omnis.carts.service;

import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartEdit;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartLine;
import com.omnis.carts.domain.CartToken;
import com.omnis.carts.domain.CartUpdate;
import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.ProductRepository;
import com.omnis.shared.catalog.PromotionRepository;
import com.omnis.shared.customer.Actor;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.domain.PromoCode;
import com.omnis.shared.domain.Quantity;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.dynamo.Retry;
import com.omnis.shared.dynamo.StaleWriteException;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.error.FieldError;
import com.omnis.shared.error.ForbiddenException;
import com.omnis.shared.error.NotFoundException;
import com.omnis.shared.error.RuleViolationException;
import com.omnis.shared.identity.Caller;
import com.omnis.shared.metrics.Metrics;
import com.omnis.shared.pricing.PriceCalculator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The cart decisions: who may see a cart, what may go in it, how a guest cart joins the customer's
 * at login. Every write is conditional; when another device changed the cart between our read and
 * our write, the decision is taken again on the fresh cart under the one {@link Retry} policy
 * (503 contention when it keeps losing), unless the client pinned a version with {@code If-Match},
 * which then gets a 409 with the current cart.
 */
public final class CartService {

    /** A cart was created: a guest's, or a customer's first (or next, after checkout) cart. */
    public static final String CARTS_OPENED = "CartsOpened";
    /** Units put into carts by {@code POST /carts/{cartId}/items}, counted once the line is written. */
    public static final String ITEMS_ADDED = "ItemsAdded";

    private final CartRepository carts;
    private final ProductRepository products;
    private final PromotionRepository promotions;
    private final CartPricer pricer;
    private final CartAccess access;
    private final Clock clock;
    private final Retry retry;
    private final Metrics metrics;
    private final String currency;

    /** A change decided on a freshly read cart; empty when the cart already is as asked. */
    @FunctionalInterface
    private interface Decision {
        Optional<CartEdit> decide(Cart cart, Instant at);
    }

    /** A cart as answered to {@code POST /carts}: {@code created} tells 201 from 200. */
    public record Opened(CartView cart, boolean created) {
    }

    private record CustomerCart(Cart cart, boolean created) {
    }

    public CartService(CartRepository carts, ProductRepository products, PromotionRepository promotions,
                       PriceCalculator calculator, Clock clock, Retry retry, Metrics metrics, String currency) {
        this.carts = carts;
        this.products = products;
        this.promotions = promotions;
        this.pricer = new CartPricer(products, promotions, calculator);
        this.access = new CartAccess(carts, clock);
        this.clock = clock;
        this.retry = retry;
        this.metrics = metrics;
        this.currency = currency;
    }

    /** A new guest cart with its token, or the signed-in customer's active cart (created once, whichever device asks first). */
    public Opened open(Shopper shopper, Channel channel) {
        Caller caller = shopper.caller();
        if (caller.isAnonymous()) {
            String token = CartToken.generate();
            Cart cart = Cart.newGuest(CartId.random(), CartToken.hash(token), currency, channel, clock.instant());
            carts.insertGuestCart(cart);
            metrics.count(CARTS_OPENED);
            return new Opened(view(cart).withToken(token), true);
        }
        CustomerCart mine = customerCart(customerOf(shopper), channel, shopper.actor());
        return new Opened(view(mine.cart()), mine.created());
    }

    public CartView get(CartId id, Shopper shopper) {
        return view(access.open(id, shopper));
    }

    public CartView myCart(Caller caller) {
        return activeCart(new Shopper(caller, Optional.empty()));
    }

    /** The active cart of the shopper's customer (an agent's: the customer they act for); 404 when there is none. */
    public CartView activeCart(Shopper shopper) {
        return activeCartOf(shopper).map(this::view).orElseThrow(() -> new NotFoundException(shopper.isAgent()
                ? "the customer has no active cart yet: adding an item opens one"
                : "you have no active cart yet: POST /carts opens one"));
    }

    /** The id of the active cart of the shopper's customer, if they have one. */
    public Optional<CartId> activeCartId(Shopper shopper) {
        return activeCartOf(shopper).map(Cart::id);
    }

    private Optional<Cart> activeCartOf(Shopper shopper) {
        return carts.findCustomerCart(customerOf(shopper)).filter(Cart::isActive);
    }

    public CartView addItem(CartId id, Mutation mutation, Sku sku, Quantity quantity) {
        Product product = products.find(sku).orElseThrow(() -> refused("unknown-sku", "Unknown SKU",
                "unknown SKU " + sku, "sku", "no product has this SKU"));
        CartView after = edit(id, mutation, (cart, at) -> {
            if (!CartPricer.isSellable(product, cart)) {
                throw refused("product-unavailable", "Product unavailable",
                        "SKU " + sku + " is not on sale", "sku", "the product is not on sale");
            }
            Optional<CartLine> existing = cart.line(sku);
            if (existing.isPresent()) {
                if (!existing.get().hasRoomFor(quantity)) {
                    throw refused("quantity-limit", "Quantity limit", "SKU " + sku + " would have "
                            + (existing.get().quantity().value() + quantity.value()) + " units; a line holds at most "
                            + Quantity.MAX, "quantity", "the line would exceed " + Quantity.MAX);
                }
                return Optional.of(new CartEdit.IncreaseQuantity(sku, quantity));
            }
            if (cart.lines().size() >= Cart.MAX_LINES) {
                throw refused("too-many-lines", "Too many lines",
                        "a cart holds at most " + Cart.MAX_LINES + " lines", "sku", "the cart is full");
            }
            return Optional.of(new CartEdit.AddLine(new CartLine(sku, quantity, product.price(), at)));
        });
        metrics.count(ITEMS_ADDED, quantity.value());
        return after;
    }

    public CartView changeQuantity(CartId id, Mutation mutation, Sku sku, Quantity quantity) {
        return edit(id, mutation, (cart, at) -> {
            requireLine(cart, sku);
            return Optional.of(new CartEdit.SetQuantity(sku, quantity));
        });
    }

    public CartView removeItem(CartId id, Mutation mutation, Sku sku) {
        return edit(id, mutation, (cart, at) -> {
            requireLine(cart, sku);
            return Optional.of(new CartEdit.RemoveLine(sku));
        });
    }

    public CartView addPromoCode(CartId id, Mutation mutation, PromoCode code) {
        return edit(id, mutation, (cart, at) -> {
            if (cart.promoCodes().containsKey(code)) {
                return Optional.empty();
            }
            boolean known = promotions.activeAt(at).stream().anyMatch(p -> code.value().equals(p.code()));
            if (!known) {
                throw refused("unknown-promo-code", "Unknown promo code",
                        "promo code " + code + " is unknown or expired", "code", "unknown or expired");
            }
            if (cart.promoCodes().size() >= Cart.MAX_PROMO_CODES) {
                throw refused("too-many-promo-codes", "Too many promo codes",
                        "a cart holds at most " + Cart.MAX_PROMO_CODES + " promo codes", "code", "the cart has all its codes");
            }
            return Optional.of(new CartEdit.AddPromoCode(code));
        });
    }

    public CartView removePromoCode(CartId id, Mutation mutation, PromoCode code) {
        return edit(id, mutation, (cart, at) -> {
            if (!cart.promoCodes().containsKey(code)) {
                throw new NotFoundException("promo code " + code + " is not on this cart");
            }
            return Optional.of(new CartEdit.RemovePromoCode(code));
        });
    }

    /**
     * Folds a guest cart into the signed-in customer's active cart and closes it. Retrying after
     * success answers the same cart: the closed guest cart remembers where it went.
     */
    public CartView merge(Mutation mutation, CartId guestId, String guestToken) {
        CustomerId customerId = customerOf(mutation.shopper());
        Channel channel = mutation.channel();
        Cart merged = retry.run(() -> {
            Instant at = clock.instant();
            Cart guest = access.open(guestId, Shopper.guest(guestToken));
            Cart target = customerCart(customerId, channel, mutation.shopper().actor()).cart();
            if (guest.mergedInto().filter(target.id()::equals).isPresent()) {
                return target;
            }
            CartAccess.requireActive(guest);
            if (!guest.currency().equals(target.currency())) {
                throw refused("currency-mismatch", "Currency mismatch", "the guest cart is in " + guest.currency()
                        + ", yours in " + target.currency(), "cartId", "another currency");
            }
            Cart result = target.mergedFrom(guest, channel, at);
            carts.saveMerge(result, target.version(), guest.closedByMergeInto(target.id(), channel, at), guest.version());
            return result;
        });
        return view(merged);
    }

    private CartView edit(CartId id, Mutation mutation, Decision decision) {
        Cart after = retry.run(() -> {
            Cart cart = access.open(id, mutation.shopper());
            CartAccess.requireActive(cart);
            if (mutation.ifMatch().isPresent() && mutation.ifMatch().getAsLong() != cart.version()) {
                throw versionConflict(cart);
            }
            Instant at = clock.instant();
            Optional<CartEdit> edit = decision.decide(cart, at);
            if (edit.isEmpty()) {
                return cart;
            }
            // a lost race is a StaleWriteException: read again and decide again (If-Match then answers 409 above)
            return carts.update(cart.id(), new CartUpdate(edit.get(), mutation.channel(), at, mutation.ifMatch(),
                    cart.expiryAfterChangeAt(at), mutation.shopper().actor()));
        });
        return view(after);
    }

    private CustomerCart customerCart(CustomerId customerId, Channel channel, Optional<Actor> by) {
        return retry.run(() -> {
            Optional<Cart> current = carts.findCustomerCart(customerId);
            if (current.filter(Cart::isActive).isPresent()) {
                return new CustomerCart(current.get(), false);
            }
            Cart fresh = Cart.newCustomer(CartId.random(), customerId, currency, channel, clock.instant(), by);
            if (!carts.insertCustomerCart(fresh, current.map(Cart::id))) {
                throw new StaleWriteException("another device opened the customer's cart first");
            }
            metrics.count(CARTS_OPENED);
            return new CustomerCart(fresh, true);
        });
    }

    private CartView view(Cart cart) {
        return pricer.view(cart, clock.instant());
    }

    /** An agent's shopper names the customer they act for (checked by {@link Shopper#agentFor}); anyone else must be one. */
    private static CustomerId customerOf(Shopper shopper) {
        if (!shopper.isAgent()) {
            shopper.caller().requireGroup(Caller.CUSTOMER);
        }
        return shopper.customer().orElseThrow(() -> new ForbiddenException("this token's subject cannot own a cart"));
    }

    private static void requireLine(Cart cart, Sku sku) {
        if (cart.line(sku).isEmpty()) {
            throw new NotFoundException("the cart has no line for SKU " + sku);
        }
    }

    private ConflictException versionConflict(Cart current) {
        return new ConflictException("version-conflict", "Version conflict", "the cart is at version "
                + current.version() + ", not the one sent in If-Match; review the current cart and retry", view(current));
    }

    private static RuleViolationException refused(String code, String title, String detail, String field, String message) {
        return new RuleViolationException(code, title, detail, List.of(new FieldError(field, message)));
    }
}

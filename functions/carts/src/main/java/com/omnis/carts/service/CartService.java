package com.omnis.carts.service;

import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartChangedException;
import com.omnis.carts.domain.CartEdit;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartLine;
import com.omnis.carts.domain.CartToken;
import com.omnis.carts.domain.CartUpdate;

import com.omnis.shared.catalog.Product;
import com.omnis.shared.catalog.ProductRepository;
import com.omnis.shared.catalog.PromotionRepository;
import com.omnis.shared.domain.Channel;
import com.omnis.shared.domain.Sku;
import com.omnis.shared.identity.Caller;
import com.omnis.shared.error.FieldError;
import com.omnis.shared.http.ProblemException;
import com.omnis.shared.pricing.PriceCalculator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The cart decisions: who may see a cart, what may go in it, how a guest cart joins the customer's
 * at login. Every write is conditional; when another device changed the cart between our read and
 * our write, the decision is taken again on the fresh cart (a few times at most), unless the client
 * pinned a version with {@code If-Match}, which then gets a 409 with the current cart.
 */
public final class CartService {

    static final int ATTEMPTS = 8;
    private static final String CODE_FORMAT = "[A-Z0-9-]{3,30}";

    private final CartRepository carts;
    private final ProductRepository products;
    private final PromotionRepository promotions;
    private final CartPricer pricer;
    private final Clock clock;
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
                       PriceCalculator calculator, Clock clock, String currency) {
        this.carts = carts;
        this.products = products;
        this.promotions = promotions;
        this.pricer = new CartPricer(products, promotions, calculator);
        this.clock = clock;
        this.currency = currency;
    }

    /** A new guest cart with its token, or the signed-in customer's active cart (created once, whichever device asks first). */
    public Opened open(Shopper shopper, Channel channel) {
        Caller caller = shopper.caller();
        if (caller.isAnonymous()) {
            String token = CartToken.generate();
            Cart cart = Cart.newGuest(CartId.random(), CartToken.hash(token), currency, channel, clock.instant());
            carts.insertGuestCart(cart);
            return new Opened(view(cart).withToken(token), true);
        }
        CustomerCart mine = customerCart(customerOf(caller), channel);
        return new Opened(view(mine.cart()), mine.created());
    }

    public CartView get(String cartId, Shopper shopper) {
        return view(load(cartId, shopper));
    }

    public CartView myCart(Caller caller) {
        return carts.findCustomerCart(customerOf(caller))
                .filter(Cart::isActive)
                .map(this::view)
                .orElseThrow(() -> ProblemException.notFound("you have no active cart yet: POST /carts opens one"));
    }

    public CartView addItem(String cartId, Mutation mutation, String rawSku, Integer rawQuantity) {
        Sku sku = skuField("sku", rawSku);
        int quantity = quantityField(rawQuantity);
        Product product = products.find(sku).orElseThrow(() -> unprocessable("unknown-sku", "Unknown SKU",
                "unknown SKU " + sku, "sku", "no product has this SKU"));
        return edit(cartId, mutation, (cart, at) -> {
            if (!CartPricer.isSellable(product, cart)) {
                throw unprocessable("product-unavailable", "Product unavailable",
                        "SKU " + sku + " is not on sale", "sku", "the product is not on sale");
            }
            Optional<CartLine> existing = cart.line(sku);
            if (existing.isPresent()) {
                if (existing.get().quantity() + quantity > Cart.MAX_QUANTITY) {
                    throw unprocessable("quantity-limit", "Quantity limit", "SKU " + sku + " would have "
                            + (existing.get().quantity() + quantity) + " units; a line holds at most " + Cart.MAX_QUANTITY,
                            "quantity", "the line would exceed " + Cart.MAX_QUANTITY);
                }
                return Optional.of(new CartEdit.IncreaseQuantity(sku, quantity));
            }
            if (cart.lines().size() >= Cart.MAX_LINES) {
                throw unprocessable("too-many-lines", "Too many lines",
                        "a cart holds at most " + Cart.MAX_LINES + " lines", "sku", "the cart is full");
            }
            return Optional.of(new CartEdit.AddLine(new CartLine(sku, quantity, product.price(), at)));
        });
    }

    public CartView changeQuantity(String cartId, Mutation mutation, String rawSku, Integer rawQuantity) {
        Sku sku = skuField("path sku", rawSku);
        int quantity = quantityField(rawQuantity);
        return edit(cartId, mutation, (cart, at) -> {
            requireLine(cart, sku);
            return Optional.of(new CartEdit.SetQuantity(sku, quantity));
        });
    }

    public CartView removeItem(String cartId, Mutation mutation, String rawSku) {
        Sku sku = skuField("path sku", rawSku);
        return edit(cartId, mutation, (cart, at) -> {
            requireLine(cart, sku);
            return Optional.of(new CartEdit.RemoveLine(sku));
        });
    }

    public CartView addPromoCode(String cartId, Mutation mutation, String rawCode) {
        String code = codeField("code", rawCode);
        return edit(cartId, mutation, (cart, at) -> {
            if (cart.promoCodes().containsKey(code)) {
                return Optional.empty();
            }
            boolean known = promotions.activeAt(at).stream().anyMatch(p -> code.equals(p.code()));
            if (!known) {
                throw unprocessable("unknown-promo-code", "Unknown promo code",
                        "promo code " + code + " is unknown or expired", "code", "unknown or expired");
            }
            if (cart.promoCodes().size() >= Cart.MAX_PROMO_CODES) {
                throw unprocessable("too-many-promo-codes", "Too many promo codes",
                        "a cart holds at most " + Cart.MAX_PROMO_CODES + " promo codes", "code", "the cart has all its codes");
            }
            return Optional.of(new CartEdit.AddPromoCode(code));
        });
    }

    public CartView removePromoCode(String cartId, Mutation mutation, String rawCode) {
        String code = codeField("path code", rawCode);
        return edit(cartId, mutation, (cart, at) -> {
            if (!cart.promoCodes().containsKey(code)) {
                throw ProblemException.notFound("promo code " + code + " is not on this cart");
            }
            return Optional.of(new CartEdit.RemovePromoCode(code));
        });
    }

    /**
     * Folds a guest cart into the signed-in customer's active cart and closes it. Retrying after
     * success answers the same cart: the closed guest cart remembers where it went.
     */
    public CartView merge(Mutation mutation, String rawGuestCartId, String guestToken) {
        String customerId = customerOf(mutation.shopper().caller());
        if (rawGuestCartId == null || rawGuestCartId.isBlank()) {
            throw ProblemException.invalid("cartId", "is required");
        }
        if (guestToken == null || guestToken.isBlank()) {
            throw ProblemException.invalid("token", "is required");
        }
        CartId guestId = CartId.parse(rawGuestCartId).orElseThrow(() -> notFound(rawGuestCartId));
        for (int attempt = 1; ; attempt++) {
            Instant at = clock.instant();
            Cart guest = carts.find(guestId)
                    .filter(cart -> cart.isGuestCart() && !cart.isExpiredAt(at))
                    .filter(cart -> cart.isOpenTo(Optional.empty(), Optional.of(guestToken)))
                    .orElseThrow(() -> notFound(rawGuestCartId));
            Cart target = customerCart(customerId, mutation.channel()).cart();
            if (guest.mergedInto().filter(target.id()::equals).isPresent()) {
                return view(target);
            }
            requireActive(guest);
            if (!guest.currency().equals(target.currency())) {
                throw unprocessable("currency-mismatch", "Currency mismatch", "the guest cart is in " + guest.currency()
                        + ", yours in " + target.currency(), "cartId", "another currency");
            }
            Cart merged = target.mergedFrom(guest, mutation.channel(), at);
            try {
                carts.saveMerge(merged, target.version(), guest.closedByMergeInto(target.id(), mutation.channel(), at),
                        guest.version());
                return view(merged);
            } catch (CartChangedException e) {
                if (attempt == ATTEMPTS) {
                    throw busy(target);
                }
            }
        }
    }

    private CartView edit(String rawCartId, Mutation mutation, Decision decision) {
        for (int attempt = 1; ; attempt++) {
            Cart cart = load(rawCartId, mutation.shopper());
            requireActive(cart);
            if (mutation.ifMatch().isPresent() && mutation.ifMatch().getAsLong() != cart.version()) {
                throw versionConflict(cart);
            }
            Instant at = clock.instant();
            Optional<CartEdit> edit = decision.decide(cart, at);
            if (edit.isEmpty()) {
                return view(cart);
            }
            try {
                return view(carts.update(cart.id(), new CartUpdate(edit.get(), mutation.channel(), at,
                        mutation.ifMatch(), cart.expiryAfterChangeAt(at))));
            } catch (CartChangedException e) {
                if (attempt == ATTEMPTS) {
                    throw busy(cart);
                }
            }
        }
    }

    private CustomerCart customerCart(String customerId, Channel channel) {
        for (int attempt = 1; ; attempt++) {
            Optional<Cart> current = carts.findCustomerCart(customerId);
            if (current.filter(Cart::isActive).isPresent()) {
                return new CustomerCart(current.get(), false);
            }
            Cart fresh = Cart.newCustomer(CartId.random(), customerId, currency, channel, clock.instant());
            if (carts.insertCustomerCart(fresh, current.map(Cart::id))) {
                return new CustomerCart(fresh, true);
            }
            if (attempt == ATTEMPTS) {
                throw ProblemException.conflict("concurrent-modification", "Concurrent modification",
                        "your cart is being opened on another device; retry", null);
            }
        }
    }

    /** The cart if this shopper may see it; any other case is the same 404, so ids and tokens cannot be probed. */
    private Cart load(String rawCartId, Shopper shopper) {
        Instant now = clock.instant();
        return CartId.parse(rawCartId)
                .flatMap(carts::find)
                .filter(cart -> !cart.isExpiredAt(now))
                .filter(cart -> cart.isOpenTo(shopper.subject(), shopper.cartToken()))
                .orElseThrow(() -> notFound(rawCartId));
    }

    private CartView view(Cart cart) {
        return pricer.view(cart, clock.instant());
    }

    private static String customerOf(Caller caller) {
        return caller.requireGroup(Caller.CUSTOMER).subject();
    }

    private static void requireActive(Cart cart) {
        if (!cart.isActive()) {
            throw ProblemException.conflict("cart-closed", "Cart closed",
                    "the cart is " + cart.status() + " and can no longer change", null);
        }
    }

    private static void requireLine(Cart cart, Sku sku) {
        if (cart.line(sku).isEmpty()) {
            throw ProblemException.notFound("the cart has no line for SKU " + sku);
        }
    }

    private ProblemException versionConflict(Cart current) {
        return ProblemException.conflict("version-conflict", "Version conflict", "the cart is at version "
                + current.version() + ", not the one sent in If-Match; review the current cart and retry", view(current));
    }

    private ProblemException busy(Cart cart) {
        return ProblemException.conflict("concurrent-modification", "Concurrent modification",
                "the cart kept changing on other devices; review the current cart and retry",
                carts.find(cart.id()).map(this::view).orElse(null));
    }

    private static ProblemException notFound(String rawCartId) {
        return ProblemException.notFound("no cart " + rawCartId);
    }

    private static ProblemException unprocessable(String slug, String title, String detail, String field, String message) {
        return ProblemException.unprocessable(slug, title, detail, List.of(new FieldError(field, message)));
    }

    private static Sku skuField(String field, String raw) {
        if (raw == null) {
            throw ProblemException.invalid(field, "is required");
        }
        try {
            return Sku.of(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "a SKU is 2 to 40 characters of A-Z, 0-9 and '-'");
        }
    }

    private static int quantityField(Integer raw) {
        if (raw == null) {
            throw ProblemException.invalid("quantity", "is required");
        }
        if (raw < 1 || raw > Cart.MAX_QUANTITY) {
            throw ProblemException.invalid("quantity", "must be between 1 and " + Cart.MAX_QUANTITY);
        }
        return raw;
    }

    private static String codeField(String field, String raw) {
        if (raw == null) {
            throw ProblemException.invalid(field, "is required");
        }
        String code = raw.trim().toUpperCase(Locale.ROOT);
        if (!code.matches(CODE_FORMAT)) {
            throw ProblemException.invalid(field, "a promo code is 3 to 30 characters of A-Z, 0-9 and '-'");
        }
        return code;
    }
}

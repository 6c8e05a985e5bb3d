package com.omnis.carts.service;

import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartId;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.error.NotFoundException;
import java.time.Clock;

/**
 * The one rule for reaching a cart, used by the carts' own routes and by the checkout: its
 * customer, or whoever holds its guest token, while it has not expired. Every other case is the
 * same "not found", so ids and tokens cannot be probed.
 */
public final class CartAccess {

    private final CartRepository carts;
    private final Clock clock;

    public CartAccess(CartRepository carts, Clock clock) {
        this.carts = carts;
        this.clock = clock;
    }

    /** The cart, whatever its status, if {@code shopper} may see it; otherwise {@link NotFoundException}. */
    public Cart open(CartId id, Shopper shopper) {
        return carts.find(id)
                .filter(cart -> !cart.isExpiredAt(clock.instant()))
                .filter(cart -> cart.isOpenTo(shopper.customer(), shopper.cartToken()))
                .orElseThrow(() -> notFound(id.value()));
    }

    /** A cart that left ACTIVE (merged, checked out) can no longer change: 409 {@code cart-closed}. */
    public static void requireActive(Cart cart) {
        if (!cart.isActive()) {
            throw new ConflictException("cart-closed", "Cart closed",
                    "the cart is " + cart.status() + " and can no longer change", null);
        }
    }

    /** The answer for a cart that does not exist or that the caller may not see: one wording for both. */
    public static NotFoundException notFound(String cartId) {
        return new NotFoundException("no cart " + cartId);
    }
}

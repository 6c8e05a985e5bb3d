package com.omnis.carts.service;

import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartUpdate;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.dynamo.StaleWriteException;
import java.util.Optional;

/**
 * Where carts live. Reads are strongly consistent (a cart edited on the phone is read on the web a
 * second later). Writes are conditional: each states the precondition of the decision behind it
 * and fails with {@link StaleWriteException} when another device changed the cart first (the
 * service then reads again and decides again, under the one retry policy).
 */
public interface CartRepository {

    Optional<Cart> find(CartId id);

    /** The cart the customer's active-cart pointer names, whatever its status now. */
    Optional<Cart> findCustomerCart(CustomerId customerId);

    void insertGuestCart(Cart cart);

    /**
     * Inserts {@code cart} and makes it the customer's active cart, provided the pointer still names
     * {@code replacing} (or nothing when empty). False when another device won that race.
     */
    boolean insertCustomerCart(Cart cart, Optional<CartId> replacing);

    /**
     * Applies one edit atomically, leaving every other line untouched, and returns the cart after it.
     *
     * @throws StaleWriteException when the edit's precondition no longer holds
     */
    Cart update(CartId id, CartUpdate update);

    /**
     * Writes both sides of a merge at once, each only if it is still ACTIVE at the version read.
     *
     * @throws StaleWriteException when either cart moved on since it was read
     */
    void saveMerge(Cart target, long targetVersionRead, Cart closedGuest, long guestVersionRead);
}

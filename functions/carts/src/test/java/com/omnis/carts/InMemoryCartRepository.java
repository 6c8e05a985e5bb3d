package com.omnis.carts;

import com.omnis.carts.domain.Cart;
import com.omnis.carts.domain.CartChangedException;
import com.omnis.carts.domain.CartId;
import com.omnis.carts.domain.CartUpdate;
import com.omnis.carts.service.CartRepository;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.dynamo.StaleWriteException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The cart store in memory, with the same preconditions as DynamoDB's conditional writes (via {@link Cart#apply}),
 * refused the same way: a {@link StaleWriteException}.
 */
final class InMemoryCartRepository implements CartRepository {

    private final Map<CartId, Cart> carts = new HashMap<>();
    private final Map<CustomerId, CartId> activeCarts = new HashMap<>();

    @Override
    public synchronized Optional<Cart> find(CartId id) {
        return Optional.ofNullable(carts.get(id));
    }

    @Override
    public synchronized Optional<Cart> findCustomerCart(CustomerId customerId) {
        return Optional.ofNullable(activeCarts.get(customerId)).map(carts::get);
    }

    @Override
    public synchronized void insertGuestCart(Cart cart) {
        if (carts.putIfAbsent(cart.id(), cart) != null) {
            throw new IllegalStateException("cart id taken");
        }
    }

    @Override
    public synchronized boolean insertCustomerCart(Cart cart, Optional<CartId> replacing) {
        CustomerId customerId = cart.customerId().orElseThrow();
        if (!Objects.equals(activeCarts.get(customerId), replacing.orElse(null)) || carts.containsKey(cart.id())) {
            return false;
        }
        carts.put(cart.id(), cart);
        activeCarts.put(customerId, cart.id());
        return true;
    }

    @Override
    public synchronized Cart update(CartId id, CartUpdate update) {
        Cart current = carts.get(id);
        if (current == null) {
            throw new StaleWriteException("no cart");
        }
        Cart after;
        try {
            after = current.apply(update);
        } catch (CartChangedException e) {
            throw new StaleWriteException(e.getMessage());
        }
        carts.put(id, after);
        return after;
    }

    @Override
    public synchronized void saveMerge(Cart target, long targetVersionRead, Cart closedGuest, long guestVersionRead) {
        if (!isActiveAt(target.id(), targetVersionRead) || !isActiveAt(closedGuest.id(), guestVersionRead)) {
            throw new StaleWriteException("a cart of the merge changed meanwhile");
        }
        carts.put(target.id(), target);
        carts.put(closedGuest.id(), closedGuest);
    }

    private boolean isActiveAt(CartId id, long version) {
        Cart current = carts.get(id);
        return current != null && current.isActive() && current.version() == version;
    }

    /** Stands for an edit made by another device between a service's read and its write. */
    synchronized void replace(Cart cart) {
        carts.put(cart.id(), cart);
    }

    synchronized int size() {
        return carts.size();
    }
}

package com.omnis.carts.service;

import com.omnis.carts.domain.CartId;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.events.DomainEvent;
import java.util.List;

/** A customer's carts as their erasure reaches them: every one of them, and the active-cart pointer. */
public interface CustomerCarts {

    /**
     * The ids of every cart of the customer (active, checked out) that is still stored, read consistently:
     * a cart the listing still shows but that is gone is not counted. Guest carts are never the customer's.
     */
    List<CartId> cartsOf(CustomerId customer);

    /**
     * Deletes {@code carts} (each only if it is the customer's) and the customer's active-cart pointer, and
     * appends {@code answer} to the outbox in the transaction of the last deletes: the answer exists only
     * once everything is gone. Deleting what is already gone is a no-op, so a retry is safe.
     */
    void erase(CustomerId customer, List<CartId> carts, DomainEvent answer);
}

package com.omnis.orders.service;

import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.identity.Caller;
import java.util.Optional;

/** Carts, as checkout sees them (carts' published {@code checkout} package behind it). */
public interface CheckoutCarts {

    /** The cart if this caller may check it out: its customer, or whoever presents the guest token; else empty. */
    Optional<CheckoutCart> find(String cartId, Caller caller, Optional<String> cartToken);

    /**
     * The cart if it is {@code customerId}'s and {@code agent} is a call-centre agent acting for them
     * (401/403 otherwise, before anything is read); else empty.
     */
    Optional<CheckoutCart> findForCustomer(String cartId, Caller agent, CustomerId customerId);
}

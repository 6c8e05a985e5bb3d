package com.omnis.carts.service;

import com.omnis.shared.customer.Actor;
import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.error.ForbiddenException;
import com.omnis.shared.identity.Caller;
import java.util.Objects;
import java.util.Optional;

/**
 * Who asks for a cart: the verified caller (anonymous for guests), the guest cart token they present, if
 * any, and, for a call-centre agent, the customer they act for ({@link #agentFor}): the carts they may
 * reach are then that customer's, never their own.
 */
public record Shopper(Caller caller, Optional<String> cartToken, Optional<CustomerId> onBehalfOf) {

    public Shopper {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(cartToken, "cartToken");
        Objects.requireNonNull(onBehalfOf, "onBehalfOf");
        if (onBehalfOf.isPresent() && !isAgentOnly(caller)) {
            throw new ForbiddenException("only a call-centre agent acts on a customer's behalf");
        }
    }

    public Shopper(Caller caller, Optional<String> cartToken) {
        this(caller, cartToken, Optional.empty());
    }

    public static Shopper guest(String cartToken) {
        return new Shopper(Caller.ANONYMOUS, Optional.of(cartToken));
    }

    /**
     * Agent {@code caller} acting for {@code customer}: 401 when anonymous, 403 unless the caller is in the
     * {@code agent} group and in neither {@code customer} nor {@code store-staff} (a customer never acts for
     * another one, nor for themselves through these routes).
     */
    public static Shopper agentFor(Caller caller, CustomerId customer) {
        caller.requireGroup(Caller.AGENT);
        if (!isAgentOnly(caller)) {
            throw new ForbiddenException("acting on a customer's behalf is reserved to call-centre agents");
        }
        return new Shopper(caller, Optional.empty(), Optional.of(customer));
    }

    private static boolean isAgentOnly(Caller caller) {
        return !caller.isAnonymous() && caller.isIn(Caller.AGENT) && !caller.isIn(Caller.CUSTOMER)
                && !caller.isIn(Caller.STORE_STAFF);
    }

    /**
     * The customer whose carts this shopper reaches: the one an agent acts for, else the one this caller's
     * subject names; none for a guest, or for a subject that cannot name a customer.
     */
    public Optional<CustomerId> customer() {
        if (onBehalfOf.isPresent()) {
            return onBehalfOf;
        }
        if (caller.isAnonymous()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CustomerId.of(caller.subject()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean isAgent() {
        return onBehalfOf.isPresent();
    }

    /** Who a change by this shopper is recorded as: the agent, the customer, nobody for a guest. */
    public Optional<Actor> actor() {
        if (isAgent()) {
            return Optional.of(new Actor(Actor.Kind.AGENT, caller.subject()));
        }
        return customer().map(Actor::customer);
    }
}

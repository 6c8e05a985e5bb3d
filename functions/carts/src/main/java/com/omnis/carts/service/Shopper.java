package com.omnis.carts.service;

import com.omnis.shared.domain.CustomerId;
import com.omnis.shared.identity.Caller;
import java.util.Optional;

/** Who asks for a cart: the verified caller (anonymous for guests) and the guest cart token they present, if any. */
public record Shopper(Caller caller, Optional<String> cartToken) {

    public static Shopper guest(String cartToken) {
        return new Shopper(Caller.ANONYMOUS, Optional.of(cartToken));
    }

    /** The customer this caller's subject names; none for a guest, or for a subject that cannot name a customer. */
    public Optional<CustomerId> customer() {
        if (caller.isAnonymous()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CustomerId.of(caller.subject()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

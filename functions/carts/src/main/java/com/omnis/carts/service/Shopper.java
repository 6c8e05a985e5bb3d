package com.omnis.carts.service;

import com.omnis.shared.identity.Caller;
import java.util.Optional;

/** Who asks for a cart: the verified caller (anonymous for guests) and the guest cart token they present, if any. */
public record Shopper(Caller caller, Optional<String> cartToken) {

    public static Shopper guest(String cartToken) {
        return new Shopper(Caller.ANONYMOUS, Optional.of(cartToken));
    }

    Optional<String> subject() {
        return Optional.ofNullable(caller.subject());
    }
}

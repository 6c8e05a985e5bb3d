package com.omnis.carts.domain;

/** The cart no longer meets an edit's precondition (another device changed it first): re-read and decide again. */
public final class CartChangedException extends RuntimeException {

    public CartChangedException(String message) {
        super(message, null, false, false);
    }
}

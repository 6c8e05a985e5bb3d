package com.omnis.orders.service;

/** The checkout's idempotency claim was taken over (it outlived its timeout) before the order committed. */
public final class IdempotencyClaimLostException extends RuntimeException {

    public IdempotencyClaimLostException(String key) {
        super("idempotency claim lost: " + key, null, false, false);
    }
}

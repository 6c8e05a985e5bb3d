package com.omnis.inventory.service;

/** The request no longer owns its idempotency record (it expired and another request took it over). */
public final class IdempotencyClaimLostException extends RuntimeException {

    public IdempotencyClaimLostException(String key) {
        super("idempotency record " + key + " is no longer held by this request", null, false, false);
    }
}

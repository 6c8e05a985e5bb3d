package com.omnis.shared.idempotency;

/**
 * The completion was refused: the request no longer owns its idempotency record (its claim
 * outlived {@link DynamoIdempotencyStore#IN_PROGRESS_TIMEOUT} and another request took it over).
 * Nothing of the transaction was written; {@link Idempotency} answers it as "in progress".
 */
public final class IdempotencyClaimLostException extends RuntimeException {

    public IdempotencyClaimLostException(IdempotencyKey key) {
        super("idempotency record " + key.recordId() + " is no longer held by this request", null, false, false);
    }
}

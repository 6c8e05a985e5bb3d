package com.omnis.orders.dynamo;

import com.omnis.orders.service.CheckoutIdempotency;
import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.idempotency.DynamoIdempotencyStore;
import com.omnis.shared.idempotency.IdempotencyKey;
import com.omnis.shared.idempotency.IdempotencyStore;
import com.omnis.shared.idempotency.RequestFingerprint;
import java.time.Instant;

/** Checkout's idempotency records, in the kernel's store ({@code shared.idempotency}, {@code IDEMPOTENCY_TABLE}). */
public final class DynamoCheckoutIdempotency implements CheckoutIdempotency {

    private final DynamoIdempotencyStore store;

    public DynamoCheckoutIdempotency(DynamoIdempotencyStore store) {
        this.store = store;
    }

    @Override
    public Claim claim(String scope, String key, String fingerprint, Instant now) {
        return switch (store.claim(IdempotencyKey.of(scope, key), new RequestFingerprint(fingerprint), now)) {
            case IdempotencyStore.Claim.Acquired ignored -> new Claim.Acquired();
            case IdempotencyStore.Claim.Completed completed -> new Claim.Completed(completed.response());
            case IdempotencyStore.Claim.PayloadMismatch ignored -> new Claim.PayloadMismatch();
            case IdempotencyStore.Claim.InProgress ignored -> new Claim.InProgress();
        };
    }

    @Override
    public void abandon(String scope, String key, String fingerprint) {
        store.abandon(IdempotencyKey.of(scope, key), new RequestFingerprint(fingerprint));
    }

    /** The COMPLETED record as a part of the order's transaction, refused (claim lost) with the kernel's exception. */
    TransactionPart completion(Completion completion) {
        return store.completion(IdempotencyKey.of(completion.scope(), completion.key()),
                new RequestFingerprint(completion.fingerprint()), completion.response(), completion.expiresAt());
    }
}

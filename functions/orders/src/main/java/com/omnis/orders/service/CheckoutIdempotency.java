package com.omnis.orders.service;

import java.time.Instant;

/**
 * Idempotency records for checkouts (IETF Idempotency-Key draft, Powertools semantics): a claim
 * per scoped key with the body's fingerprint, INPROGRESS while the first request runs, COMPLETED
 * with its response in the same transaction as the order.
 */
public interface CheckoutIdempotency {

    Claim claim(String scope, String key, String fingerprint, Instant now);

    /** Gives up an INPROGRESS claim (the request failed before committing), so a retry runs again. */
    void abandon(String scope, String key, String fingerprint);

    sealed interface Claim {
        record Acquired() implements Claim {
        }

        record Completed(String response) implements Claim {
        }

        record PayloadMismatch() implements Claim {
        }

        record InProgress() implements Claim {
        }
    }

    /** The COMPLETED record, written with the order; applies only while this request still owns its claim. */
    record Completion(String scope, String key, String fingerprint, String response, Instant expiresAt) {
    }
}

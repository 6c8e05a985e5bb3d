package com.omnis.shared.idempotency;

import com.omnis.shared.dynamo.TransactionPart;
import java.time.Instant;

/**
 * Idempotency records, with the semantics of Powertools for AWS Lambda's idempotency utility:
 * a record per key holding the request's fingerprint, INPROGRESS while the first request runs and
 * COMPLETED with its response once it committed, and an expiry after which the key may be reused.
 * Stricter than Powertools: the completion is a {@link TransactionPart} of the change's own
 * transaction, so a response is stored if and only if its change committed.
 */
public interface IdempotencyStore {

    /** Claims {@code key} for a request with {@code fingerprint}. */
    Claim claim(IdempotencyKey key, RequestFingerprint fingerprint, Instant now);

    /** Gives up an INPROGRESS claim of this request (it failed before committing), so a retry runs again. */
    void abandon(IdempotencyKey key, RequestFingerprint fingerprint);

    /**
     * The part that marks the record COMPLETED with {@code response} until {@code expiresAt}, applied
     * only while this request still owns the claim; refused with {@link IdempotencyClaimLostException}.
     */
    TransactionPart completion(IdempotencyKey key, RequestFingerprint fingerprint, String response, Instant expiresAt);

    /** The outcome of {@link #claim}. */
    sealed interface Claim {
        /** The key was free: run the request, then complete the record in the same transaction. */
        record Acquired() implements Claim {
        }

        /** The key already completed with this fingerprint: answer with its response. */
        record Completed(String response) implements Claim {
        }

        /** The key was used for another request. */
        record PayloadMismatch() implements Claim {
        }

        /** The first request with this key is still running. */
        record InProgress() implements Claim {
        }
    }
}

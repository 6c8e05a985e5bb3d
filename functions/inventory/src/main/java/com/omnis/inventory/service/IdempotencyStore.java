package com.omnis.inventory.service;

import java.time.Instant;

/**
 * Idempotency records, with the semantics of Powertools for AWS Lambda's idempotency utility:
 * a record per key holding a hash of the payload, INPROGRESS while the first request runs and
 * COMPLETED with its result once it committed (the completion is written in the same transaction
 * as the change itself), and an expiry after which the key may be reused.
 */
public interface IdempotencyStore {

    /** Claims {@code key} for a request whose payload hashes to {@code payloadHash}. */
    Claim claim(String key, String payloadHash, Instant now);

    /** Gives up an INPROGRESS claim (the request failed before committing), so a retry runs again. */
    void abandon(String key, String payloadHash);

    /** The outcome of {@link #claim}. */
    sealed interface Claim {
        /** The key was free: run the request, then complete the record in the same transaction. */
        record Acquired() implements Claim {
        }

        /** The key already completed with this payload: answer with its result. */
        record Completed(String result) implements Claim {
        }

        /** The key was used with another payload. */
        record PayloadMismatch() implements Claim {
        }

        /** The first request with this key is still running. */
        record InProgress() implements Claim {
        }
    }
}

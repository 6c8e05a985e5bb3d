package com.omnis.shared.idempotency;

import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.error.FieldError;
import com.omnis.shared.error.RuleViolationException;
import com.omnis.shared.idempotency.IdempotencyStore.Claim;
import com.omnis.shared.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs a request at most once per {@link IdempotencyKey}, as the IETF Idempotency-Key draft and
 * Powertools do: the same key and fingerprint replay the first response (and change nothing); the
 * same key with another request is a 422 {@code idempotency-key-reused}; while the first is still
 * running, a 409 {@code idempotency-in-progress} with {@code Retry-After}. A request that fails
 * gives its claim up, so a retry with the same key runs again (a refused sale can be retried once
 * the stock is there).
 *
 * <p>The work receives a {@link Completion}: it must put {@code completion.part(response)} in the
 * very transaction that makes its change, so the response is stored if and only if the change
 * committed.
 */
public final class Idempotency {

    /** How long a completed key replays its response (Powertools' default is one hour; a day covers a till offline overnight). */
    public static final Duration DEFAULT_TTL = Duration.ofHours(24);
    /** What a client waiting on an in-progress key is told to wait. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration ttl;

    public Idempotency(IdempotencyStore store, Clock clock, Duration ttl) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = ttl;
    }

    public Idempotency(IdempotencyStore store, Clock clock) {
        this(store, clock, DEFAULT_TTL);
    }

    /** The response, and whether it is the stored response of an earlier request with the same key. */
    public record Outcome<T>(T response, boolean replayed) {
    }

    /** Hands the work the transaction part that completes this request's record. */
    public final class Completion {
        private final IdempotencyKey key;
        private final RequestFingerprint fingerprint;

        private Completion(IdempotencyKey key, RequestFingerprint fingerprint) {
            this.key = key;
            this.fingerprint = fingerprint;
        }

        /** Marks the record COMPLETED with {@code response} (stored as JSON, replayed as such). */
        public TransactionPart part(Object response) {
            Instant now = clock.instant();
            return store.completion(key, fingerprint, Json.write(response), now.plus(ttl));
        }

        public IdempotencyKey key() {
            return key;
        }
    }

    /**
     * Claims {@code key}, then either replays the stored response (read back as {@code type}) or
     * runs {@code work}; see the class comment for every outcome.
     */
    public <T> Outcome<T> run(IdempotencyKey key, RequestFingerprint fingerprint, Class<T> type,
                              Function<Completion, T> work) {
        Claim claim = store.claim(key, fingerprint, clock.instant());
        return switch (claim) {
            case Claim.Completed completed -> new Outcome<>(Json.read(completed.response(), type), true);
            case Claim.PayloadMismatch mismatch -> throw reused();
            case Claim.InProgress inProgress -> throw inProgress(
                    "a request with this Idempotency-Key is still being processed; retry later");
            case Claim.Acquired acquired -> {
                try {
                    yield new Outcome<>(work.apply(new Completion(key, fingerprint)), false);
                } catch (IdempotencyClaimLostException e) {
                    // the record is someone else's now: giving it up would delete their claim
                    throw inProgress("another request with this Idempotency-Key took over; retry to get its result");
                } catch (RuntimeException e) {
                    store.abandon(key, fingerprint);
                    throw e;
                }
            }
        };
    }

    /** 422: the key was used for another request. */
    public static RuleViolationException reused() {
        return new RuleViolationException("idempotency-key-reused", "Idempotency key reused",
                "this Idempotency-Key was already used with a different request",
                List.of(new FieldError("header Idempotency-Key", "was used for another request")));
    }

    /** 409 with Retry-After: the first request with the key has not finished. */
    public static ConflictException inProgress(String detail) {
        return new ConflictException("idempotency-in-progress", "Request in progress", detail, null, RETRY_AFTER);
    }
}

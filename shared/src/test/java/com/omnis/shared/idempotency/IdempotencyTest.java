package com.omnis.shared.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omnis.shared.dynamo.TransactionPart;
import com.omnis.shared.error.ConflictException;
import com.omnis.shared.error.RuleViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The outcomes of {@link Idempotency}, on an in-memory store with Powertools' record semantics. */
class IdempotencyTest {

    private final MemoryStore store = new MemoryStore();
    private final Idempotency idempotency = new Idempotency(store, Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"),
            ZoneOffset.UTC));
    private final IdempotencyKey key = IdempotencyKey.of("checkout:customer-1", "key-0001");
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void theSameKeyAndRequestReplayTheFirstResponseWithoutRunningAgain() {
        // when
        var first = idempotency.run(key, RequestFingerprint.of("body"), Response.class, this::work);
        var again = idempotency.run(key, RequestFingerprint.of("body"), Response.class, this::work);

        // then
        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.response()).isEqualTo(first.response());
        assertThat(runs).hasValue(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsUnprocessable() {
        idempotency.run(key, RequestFingerprint.of("body"), Response.class, this::work);

        assertThatThrownBy(() -> idempotency.run(key, RequestFingerprint.of("other"), Response.class, this::work))
                .isInstanceOfSatisfying(RuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("idempotency-key-reused"));
        assertThat(runs).hasValue(1);
    }

    @Test
    void aKeyStillRunningIsAConflictToRetryAfterASecond() {
        store.claim(key, RequestFingerprint.of("body"), Instant.EPOCH);

        assertThatThrownBy(() -> idempotency.run(key, RequestFingerprint.of("body"), Response.class, this::work))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("idempotency-in-progress");
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
                });
    }

    @Test
    void aRequestThatFailedGivesItsClaimUpSoARetryRunsAgain() {
        assertThatThrownBy(() -> idempotency.run(key, RequestFingerprint.of("body"), Response.class, c -> {
            throw new ConflictException("insufficient-stock", "Insufficient stock", "none left", null);
        })).isInstanceOf(ConflictException.class);

        var retried = idempotency.run(key, RequestFingerprint.of("body"), Response.class, this::work);

        assertThat(retried.replayed()).isFalse();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aClaimTakenOverIsInProgressAndNotGivenUp() {
        // when: the completion is refused because another request took the record over
        assertThatThrownBy(() -> idempotency.run(key, RequestFingerprint.of("body"), Response.class, c -> {
            throw new IdempotencyClaimLostException(key);
        })).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("idempotency-in-progress"));

        // then: the record is not deleted (it is the other request's now)
        assertThat(store.records).containsKey(key.recordId());
    }

    @Test
    void keysAreStrictAndScoped() {
        assertThat(IdempotencyKey.of("movement:ops-1", "in-flight-1").recordId()).isEqualTo("movement:ops-1:in-flight-1");
        assertThatThrownBy(() -> IdempotencyKey.of("movement:ops-1", "abc")).hasMessage(IdempotencyKey.RULE);
        assertThatThrownBy(() -> IdempotencyKey.of("movement:ops-1", "a key with spaces")).hasMessage(IdempotencyKey.RULE);
        assertThat(RequestFingerprint.of("x")).isEqualTo(RequestFingerprint.of("x")).isNotEqualTo(RequestFingerprint.of("y"));
    }

    record Response(String orderId) {
    }

    private Response work(Idempotency.Completion completion) {
        Response response = new Response("order-" + runs.incrementAndGet());
        // the flow writes this part in its transaction; here the store applies it at once
        store.apply(completion.part(response));
        return response;
    }

    /** Records as DynamoIdempotencyStore keeps them, without expiry. */
    private static final class MemoryStore implements IdempotencyStore {
        private record Entry(String hash, String response) {
        }

        final Map<String, Entry> records = new HashMap<>();
        private final Map<TransactionPart, Runnable> pending = new HashMap<>();

        @Override
        public Claim claim(IdempotencyKey key, RequestFingerprint fingerprint, Instant now) {
            Entry existing = records.get(key.recordId());
            if (existing == null) {
                records.put(key.recordId(), new Entry(fingerprint.sha256(), null));
                return new Claim.Acquired();
            }
            if (!existing.hash().equals(fingerprint.sha256())) {
                return new Claim.PayloadMismatch();
            }
            return existing.response() != null ? new Claim.Completed(existing.response()) : new Claim.InProgress();
        }

        @Override
        public void abandon(IdempotencyKey key, RequestFingerprint fingerprint) {
            records.remove(key.recordId());
        }

        @Override
        public TransactionPart completion(IdempotencyKey key, RequestFingerprint fingerprint, String response,
                                          Instant expiresAt) {
            TransactionPart part = TransactionPart.unconditional(List.of());
            pending.put(part, () -> records.put(key.recordId(), new Entry(fingerprint.sha256(), response)));
            return part;
        }

        void apply(TransactionPart part) {
            pending.remove(part).run();
        }
    }
}

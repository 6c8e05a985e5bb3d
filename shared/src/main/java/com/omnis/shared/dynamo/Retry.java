package com.omnis.shared.dynamo;

import com.omnis.shared.error.ContentionException;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The one retry policy of every read → decide → conditional write: when the write lost a race
 * ({@link StaleWriteException}) or DynamoDB throttled (after the SDK's own retries), it runs again
 * with exponential backoff and full jitter, so contenders on a hot item spread out instead of
 * colliding again. When attempts run out the answer is always the same: a
 * {@link ContentionException} (503 with {@code Retry-After}), never a 500, and nothing was written.
 */
public final class Retry {

    /** Waits between attempts; tests may pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int maxAttempts;
    private final long baseMillis;
    private final long capMillis;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public Retry(int maxAttempts, Duration base, Duration cap, Sleeper sleeper, RandomGenerator random) {
        this.maxAttempts = maxAttempts;
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
        this.sleeper = sleeper;
        this.random = random;
    }

    /** 40 attempts, 2 ms doubling up to 200 ms: several seconds of patience, well inside the function timeout. */
    public static Retry standard() {
        return new Retry(40, Duration.ofMillis(2), Duration.ofMillis(200), d -> Thread.sleep(d), RandomGenerator.getDefault());
    }

    public <T> T run(Supplier<T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            } catch (StaleWriteException e) {
                pause(i);
            } catch (SdkServiceException e) {
                if (!isThrottling(e)) {
                    throw e;
                }
                pause(i);
            }
        }
    }

    public void run(Runnable attempt) {
        run(() -> {
            attempt.run();
            return null;
        });
    }

    /** Throttled: by the table or account, or a transaction cancelled because one of its items was. */
    public static boolean isThrottling(SdkServiceException e) {
        if (e.isThrottlingException()) {
            return true;
        }
        return e instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()
                && cancelled.cancellationReasons().stream().map(CancellationReason::code)
                        .anyMatch(code -> "ThrottlingError".equals(code) || "ProvisionedThroughputExceeded".equals(code)
                                || "TransactionConflict".equals(code));
    }

    private void pause(int attempt) {
        if (attempt >= maxAttempts) {
            throw busy();
        }
        long ceiling = Math.min(capMillis, baseMillis << Math.min(attempt, 20));
        try {
            sleeper.sleep(Duration.ofMillis(random.nextLong(ceiling + 1)));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    private static ContentionException busy() {
        return new ContentionException("the records involved are changing too fast right now; nothing was changed, retry in a moment");
    }
}

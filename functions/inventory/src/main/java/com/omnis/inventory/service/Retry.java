package com.omnis.inventory.service;

import com.omnis.shared.http.Problem;
import com.omnis.shared.http.ProblemException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Re-runs read → decide → conditional write when the write lost a race, with exponential
 * backoff and full jitter so that contenders on a hot item spread out instead of colliding again.
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
                if (i >= maxAttempts) {
                    throw busy();
                }
                long ceiling = Math.min(capMillis, baseMillis << Math.min(i, 20));
                try {
                    sleeper.sleep(Duration.ofMillis(random.nextLong(ceiling + 1)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw busy();
                }
            }
        }
    }

    private static ProblemException busy() {
        return new ProblemException(new Problem(Problem.TYPE_BASE + "contention", "Too much contention", 503,
                "the stock involved is changing too fast right now; retry in a moment", List.of(), null));
    }
}

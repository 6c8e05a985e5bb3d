package com.omnis.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** Runs a bounded number of requests from a number of concurrent clients (one thread each), within a time limit. */
final class Load {

    /** One request by client {@code client} (0-based); returns the HTTP status. */
    interface Call {
        int send(int client, int index) throws Exception;
    }

    private Load() {
    }

    static Measurement run(String scenario, int clients, int requests, Duration timeLimit, Call call) throws InterruptedException {
        AtomicLong lastSuccess = new AtomicLong();
        long[] latencies = new long[requests];
        int[] statuses = new int[requests];
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                ready.countDown();
                awaitQuietly(go);
                long deadline = start[0] + timeLimit.toNanos();
                // client c sends requests c, c + clients, c + 2 × clients…: a call can tie a client to its own SKU or cart
                for (int i = client; i < requests && System.nanoTime() < deadline; i += clients) {
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = call.send(client, i);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        status = 0;
                    }
                    long answered = System.nanoTime();
                    latencies[i] = answered - sent;
                    statuses[i] = status;
                    if (status / 100 == 2) {
                        lastSuccess.accumulateAndGet(answered - start[0], Math::max);
                    }
                }
            }));
        }
        ready.await();
        start[0] = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start[0];
        int done = requests;
        int sent = 0; // a time limit leaves some requests unsent: their latency is 0
        for (int i = 0; i < done; i++) {
            if (latencies[i] > 0) {
                sent++;
            }
        }
        long[] measured = new long[sent];
        int[] measuredStatuses = new int[sent];
        for (int i = 0, j = 0; i < done; i++) {
            if (latencies[i] > 0) {
                measured[j] = latencies[i];
                measuredStatuses[j++] = statuses[i];
            }
        }
        return Measurement.of(scenario, clients, measured, measuredStatuses, elapsed, lastSuccess.get(), sent < requests);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

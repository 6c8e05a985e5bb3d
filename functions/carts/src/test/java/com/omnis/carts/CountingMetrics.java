package com.omnis.carts;

import com.omnis.shared.metrics.Metrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The metrics port in memory: what a function counted, by name. */
final class CountingMetrics implements Metrics {

    private final Map<String, Long> counts = new ConcurrentHashMap<>();

    @Override
    public void count(String name, long value) {
        counts.merge(name, value, Long::sum);
    }

    long of(String name) {
        return counts.getOrDefault(name, 0L);
    }
}

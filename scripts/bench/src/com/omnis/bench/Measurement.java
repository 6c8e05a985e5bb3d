package com.omnis.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one scenario measured: every request's latency and status, the wall time, and when the last
 * 2xx answer arrived (a sell-out's end). Status 0 stands for a request that got no HTTP answer.
 */
record Measurement(String scenario, int clients, long[] sortedLatencyNanos, Map<Integer, Integer> statuses,
                   long elapsedNanos, long lastSuccessNanos, boolean stoppedByTimeLimit) {

    static Measurement of(String scenario, int clients, long[] latencies, int[] statusCodes, long elapsedNanos,
                          long lastSuccessNanos, boolean stoppedByTimeLimit) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int status : statusCodes) {
            statuses.merge(status, 1, Integer::sum);
        }
        return new Measurement(scenario, clients, sorted, statuses, elapsedNanos, lastSuccessNanos, stoppedByTimeLimit);
    }

    int requests() {
        return sortedLatencyNanos.length;
    }

    int successes() {
        return statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2).mapToInt(Map.Entry::getValue).sum();
    }

    int count(int status) {
        return statuses.getOrDefault(status, 0);
    }

    int failures() {
        return requests() - successes();
    }

    double seconds() {
        return elapsedNanos / 1e9;
    }

    /** Requests answered per second of wall time, whatever their status. */
    double requestsPerSecond() {
        return requests() / seconds();
    }

    double successesPerSecond() {
        return successes() / seconds();
    }

    /** Nearest-rank percentile of the latencies, in milliseconds. */
    double percentileMillis(double percentile) {
        if (sortedLatencyNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sortedLatencyNanos.length);
        return sortedLatencyNanos[Math.max(0, rank - 1)] / 1e6;
    }

    /** The statuses other than 2xx, e.g. {@code 409×150}; "—" when every request succeeded. */
    String otherStatuses() {
        StringBuilder text = new StringBuilder();
        statuses.forEach((status, count) -> {
            if (status / 100 != 2) {
                text.append(text.isEmpty() ? "" : ", ").append(status == 0 ? "no answer" : status).append('×').append(count);
            }
        });
        return text.isEmpty() ? "—" : text.toString();
    }
}

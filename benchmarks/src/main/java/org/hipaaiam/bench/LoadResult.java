package org.hipaaiam.bench;

import java.util.Arrays;

/** Throughput and latency percentiles of one measured phase. */
/** firstError: the first failure's reason, so a broken run says why. */
record LoadResult(String configuration, long logins, long errors, double seconds, long[] latencyMicros, String firstError) {

    double loginsPerSecond() {
        return logins / seconds;
    }

    double percentileMillis(double percentile) {
        if (latencyMicros.length == 0) {
            return Double.NaN;
        }
        long[] sorted = latencyMicros.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
}

package org.hipaaiam.lifecycle.evidence;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nearest-rank percentiles of separation latencies (seconds from due to access ended) against a target, and how
 * many separations had times that could not be read (counted apart, in no percentile).
 */
public record LatencySummary(int count, long targetSeconds, int withinTarget, Map<String, Long> percentiles, int unreadable) {

    private static final int[] REPORTED = {50, 90, 95, 99, 100};

    public static LatencySummary of(List<Long> latencySeconds, long targetSeconds) {
        return of(latencySeconds, 0, targetSeconds);
    }

    public static LatencySummary of(List<Long> latencySeconds, int unreadable, long targetSeconds) {
        long[] sorted = latencySeconds.stream().mapToLong(Long::longValue).sorted().toArray();
        Map<String, Long> percentiles = new LinkedHashMap<>();
        if (sorted.length > 0) {
            for (int p : REPORTED) {
                percentiles.put(p == 100 ? "max" : "p" + p, nearestRank(sorted, p));
            }
        }
        int within = (int) Arrays.stream(sorted).filter(seconds -> seconds <= targetSeconds).count();
        return new LatencySummary(sorted.length, targetSeconds, within, percentiles, unreadable);
    }

    /** The smallest value with at least p percent of all values at or below it. */
    static long nearestRank(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}

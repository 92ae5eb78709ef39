package org.hipaaiam.lifecycle.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void percentilesUseTheNearestRank() {
        List<Long> oneToHundred = LongStream.rangeClosed(1, 100).boxed().toList();
        LatencySummary summary = LatencySummary.of(oneToHundred, 3600);
        assertEquals(50L, summary.percentiles().get("p50"));
        assertEquals(90L, summary.percentiles().get("p90"));
        assertEquals(99L, summary.percentiles().get("p99"));
        assertEquals(100L, summary.percentiles().get("max"));
    }

    @Test
    void smallSamplesReportTheirOwnValues() {
        LatencySummary summary = LatencySummary.of(List.of(7L, 2L, 30L), 3600);
        assertEquals(7L, summary.percentiles().get("p50"));
        assertEquals(30L, summary.percentiles().get("p90"));
        assertEquals(30L, summary.percentiles().get("max"));
    }

    @Test
    void latenciesOverTheTargetAreCounted() {
        LatencySummary summary = LatencySummary.of(List.of(10L, 3600L, 3601L, 7200L), 3600);
        assertEquals(4, summary.count());
        assertEquals(2, summary.withinTarget());
    }

    @Test
    void noSeparationsMeansNoPercentiles() {
        LatencySummary summary = LatencySummary.of(List.of(), 3600);
        assertEquals(0, summary.count());
        assertTrue(summary.percentiles().isEmpty());
    }

    @Test
    void unreadableSeparationsAreCountedApartFromEveryFigure() {
        LatencySummary summary = LatencySummary.of(List.of(5L, 20L), 3, 3600);
        assertEquals(2, summary.count());
        assertEquals(3, summary.unreadable());
        assertEquals(20L, summary.percentiles().get("max"));
    }
}

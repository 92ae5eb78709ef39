package org.hipaaiam.audit.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The period bounds the writer caches must agree with the labels, at every edge. */
class ShardPeriodTest {

    @Test
    void boundsOfAYearAndAMonth() {
        long march2026 = Instant.parse("2026-03-15T12:00:00Z").toEpochMilli();
        assertEquals(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli(), ShardPeriod.YEAR.startMillis(march2026));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z").toEpochMilli(), ShardPeriod.YEAR.endMillis(march2026));
        assertEquals(Instant.parse("2026-03-01T00:00:00Z").toEpochMilli(), ShardPeriod.MONTH.startMillis(march2026));
        assertEquals(Instant.parse("2026-04-01T00:00:00Z").toEpochMilli(), ShardPeriod.MONTH.endMillis(march2026));
        long leapDay = Instant.parse("2028-02-29T23:59:59.999Z").toEpochMilli();
        assertEquals(Instant.parse("2028-03-01T00:00:00Z").toEpochMilli(), ShardPeriod.MONTH.endMillis(leapDay));
        long december = Instant.parse("2025-12-31T23:59:59.999Z").toEpochMilli();
        assertEquals(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli(), ShardPeriod.MONTH.endMillis(december));
    }

    @Test
    void everyMillisecondInsideTheBoundsHasTheLabelAndNoneOutside() {
        Random random = new Random(7);
        for (ShardPeriod period : ShardPeriod.values()) {
            for (int i = 0; i < 2_000; i++) {
                // 1900 to 2100, before and after the epoch
                long t = -2_208_988_800_000L + (long) (random.nextDouble() * 6_311_433_600_000L);
                long start = period.startMillis(t);
                long end = period.endMillis(t);
                String label = period.label(t);
                assertEquals(label, period.label(start), period + " start of " + t);
                assertEquals(label, period.label(end - 1), period + " end of " + t);
                assertNotEquals(label, period.label(start - 1), period + " before " + t);
                assertNotEquals(label, period.label(end), period + " after " + t);
            }
        }
    }
}

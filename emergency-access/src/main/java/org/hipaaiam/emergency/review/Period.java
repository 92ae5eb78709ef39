package org.hipaaiam.emergency.review;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.hipaaiam.core.api.Refusal;

/** An export period [from, to) from ISO-8601 instants, at most a year long. */
public record Period(long from, long to) {

    static final long MAX_SECONDS = 366L * 24 * 3600;

    public static Period parse(String from, String to) {
        if (from == null || to == null) {
            throw Refusal.invalid("from and to are required (ISO-8601 instants, e.g. 2026-12-01T00:00:00Z)");
        }
        try {
            long start = Instant.parse(from).getEpochSecond();
            long end = Instant.parse(to).getEpochSecond();
            if (end <= start || end - start > MAX_SECONDS) {
                throw Refusal.invalid("to must be after from, at most 366 days later");
            }
            return new Period(start, end);
        } catch (DateTimeParseException malformed) {
            throw Refusal.invalid("from and to must be ISO-8601 instants, e.g. 2026-12-01T00:00:00Z");
        }
    }
}

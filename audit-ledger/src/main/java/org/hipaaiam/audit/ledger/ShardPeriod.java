package org.hipaaiam.audit.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How records are split into separate logs by their event time (UTC). Each shard is its own
 * Merkle tree with origin {@code <key name>/<label>}, so a finished period can be archived
 * and verified on its own.
 */
public enum ShardPeriod {
    YEAR("uuuu", "\\d{4}", ChronoUnit.YEARS),
    MONTH("uuuu-MM", "\\d{4}-\\d{2}", ChronoUnit.MONTHS);

    private final DateTimeFormatter format;
    private final Pattern labelPattern;
    private final ChronoUnit unit;

    ShardPeriod(String format, String labelPattern, ChronoUnit unit) {
        this.format = DateTimeFormatter.ofPattern(format).withZone(ZoneOffset.UTC);
        this.labelPattern = Pattern.compile(labelPattern);
        this.unit = unit;
    }

    public String label(long timestampMillis) {
        return format.format(Instant.ofEpochMilli(timestampMillis));
    }

    /** First millisecond (UTC) of the period that holds {@code timestampMillis}. */
    public long startMillis(long timestampMillis) {
        LocalDate day = Instant.ofEpochMilli(timestampMillis).atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate first = unit == ChronoUnit.YEARS ? day.withDayOfYear(1) : day.withDayOfMonth(1);
        return first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** First millisecond (UTC) of the period after the one that holds {@code timestampMillis}. */
    public long endMillis(long timestampMillis) {
        return Instant.ofEpochMilli(startMillis(timestampMillis)).atOffset(ZoneOffset.UTC).plus(1, unit)
                .toInstant().toEpochMilli();
    }

    public boolean isLabel(String name) {
        return labelPattern.matcher(name).matches();
    }

    /** The period a shard folder name belongs to, if it is one. */
    public static Optional<ShardPeriod> ofLabel(String name) {
        for (ShardPeriod period : values()) {
            if (period.isLabel(name)) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }
}

package org.hipaaiam.audit.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How records are split into separate logs by their event time (UTC). Each shard is its own
 * Merkle tree with origin {@code <key name>/<label>}, so a finished period can be archived
 * and verified on its own.
 */
public enum ShardPeriod {
    YEAR("uuuu", "\\d{4}"),
    MONTH("uuuu-MM", "\\d{4}-\\d{2}");

    private final DateTimeFormatter format;
    private final Pattern labelPattern;

    ShardPeriod(String format, String labelPattern) {
        this.format = DateTimeFormatter.ofPattern(format).withZone(ZoneOffset.UTC);
        this.labelPattern = Pattern.compile(labelPattern);
    }

    public String label(long timestampMillis) {
        return format.format(Instant.ofEpochMilli(timestampMillis));
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

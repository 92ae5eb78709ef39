package org.hipaaiam.audit.ledger.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.hipaaiam.audit.ledger.LedgerConfig;
import org.hipaaiam.audit.ledger.LedgerLayout;
import org.hipaaiam.audit.ledger.segment.Frame;
import org.hipaaiam.audit.ledger.segment.FrameReader;

/**
 * One ledger folder's records with event time in [from, to), in ledger order, read one at a time so an export of
 * several nodes' ledgers can merge them by time without holding them in memory.
 */
final class LedgerRange {

    private final Path ledger;
    private final int order;
    private final long from;
    private final long to;
    private final Iterator<Path> shards;
    private final List<String> faults;
    private FrameReader reader;
    private Path shard;
    private Frame next;

    /** @param faults where a shard that ends in a fault is named; its later records are not exported */
    LedgerRange(Path ledger, int order, long from, long to, List<String> faults) throws IOException {
        this.ledger = ledger;
        this.order = order;
        this.from = from;
        this.to = to;
        this.shards = LedgerLayout.shards(ledger).iterator();
        this.faults = faults;
        advance();
    }

    /** The next record in range, or null when the folder has no more. */
    Frame peek() {
        return next;
    }

    /** The folder's position in the command line: the tie-break for records of the same millisecond. */
    int order() {
        return order;
    }

    void advance() throws IOException {
        next = null;
        while (next == null) {
            if (reader == null) {
                if (!shards.hasNext()) {
                    return;
                }
                shard = shards.next();
                reader = new FrameReader(LedgerLayout.entries(shard), (int) LedgerConfig.MAX_SEGMENT_BYTES);
            }
            Frame frame = reader.next();
            if (frame == null) {
                if (!reader.result().clean()) {
                    faults.add(ledger.getFileName() + "/" + shard.getFileName() + ": " + reader.result().fault().description());
                }
                reader = null;
            } else if (frame.timestampMillis() >= from && frame.timestampMillis() < to) {
                next = frame;
            }
        }
    }
}

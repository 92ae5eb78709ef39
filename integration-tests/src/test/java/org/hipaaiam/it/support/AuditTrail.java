package org.hipaaiam.it.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.hipaaiam.audit.ledger.LedgerConfig;
import org.hipaaiam.audit.ledger.LedgerLayout;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.segment.Frame;
import org.hipaaiam.audit.ledger.segment.FrameReader;
import org.hipaaiam.audit.ledger.verify.LedgerVerifier;
import org.hipaaiam.audit.ledger.verify.VerificationReport;

/** The server's audit ledger as an auditor reads it: straight from the files, without Keycloak. */
public final class AuditTrail {

    public static final Path ROOT = Path.of("/tmp/hipaa-it-audit");
    public static final Path LEDGER_DIR = ROOT.resolve("ledger");
    public static final Path SIGNING_KEY = ROOT.resolve("audit-ledger.key");
    public static final String KEY_NAME = "hipaa-it/keycloak";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stored record: its exact bytes and their parsed form. */
    public record StoredRecord(byte[] bytes, Map<String, Object> json) {

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @SuppressWarnings("unchecked")
        public Object at(String path) {
            Object node = json;
            for (String step : path.split("\\.")) {
                if (!(node instanceof Map<?, ?> map)) {
                    return null;
                }
                node = ((Map<String, Object>) map).get(step);
            }
            return node;
        }
    }

    /** How many records each shard held when this trail was opened; only later ones belong to it. */
    private final Map<Path, Integer> skipped;

    private AuditTrail(Map<Path, Integer> skipped) {
        this.skipped = skipped;
    }

    /**
     * The records appended from now on: what the test does next. Counted by position in the ledger, not by
     * time stamp, so records other tests wrote before (also those stamped on a moved server clock) never match.
     */
    public static AuditTrail fromNow() {
        Map<Path, Integer> counts = new HashMap<>();
        try {
            for (Path shard : LedgerLayout.shards(LEDGER_DIR)) {
                int count = 0;
                FrameReader reader = new FrameReader(LedgerLayout.entries(shard), LedgerConfig.DEFAULT_MAX_RECORD_BYTES);
                for (Frame frame = reader.next(); frame != null; frame = reader.next()) {
                    count++;
                }
                counts.put(shard, count);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AuditTrail(counts);
    }

    /** Every record of the run, for checks that something appears nowhere. */
    public static AuditTrail all() {
        return new AuditTrail(Map.of());
    }

    public List<StoredRecord> records(Predicate<StoredRecord> filter) throws IOException {
        List<StoredRecord> found = new ArrayList<>();
        for (Path shard : LedgerLayout.shards(LEDGER_DIR)) {
            int skip = skipped.getOrDefault(shard, 0);
            FrameReader reader = new FrameReader(LedgerLayout.entries(shard), LedgerConfig.DEFAULT_MAX_RECORD_BYTES);
            for (Frame frame = reader.next(); frame != null; frame = reader.next()) {
                if (skip > 0) {
                    skip--;
                    continue;
                }
                @SuppressWarnings("unchecked")
                StoredRecord record = new StoredRecord(frame.payload(), JSON.readValue(frame.payload(), Map.class));
                if (filter.test(record)) {
                    found.add(record);
                }
            }
        }
        return found;
    }

    public StoredRecord single(Predicate<StoredRecord> filter) throws IOException {
        List<StoredRecord> found = records(filter);
        if (found.size() != 1) {
            throw new AssertionError("Expected exactly one matching audit record, found " + found.size());
        }
        return found.get(0);
    }

    public static VerificationReport verify() throws IOException {
        return new LedgerVerifier(NoteSigningKey.read(SIGNING_KEY).verifierKey(), progress -> { })
                .verify(LEDGER_DIR, SIGNING_KEY.toString(), List.of());
    }
}

package org.hipaaiam.audit.ledger.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.hipaaiam.audit.ledger.LedgerLayout;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.checkpoint.NoteVerifierKey;
import org.hipaaiam.audit.ledger.checkpoint.SignedNote;
import org.hipaaiam.audit.ledger.verify.InclusionProof;
import org.hipaaiam.audit.ledger.verify.LedgerVerifier;
import org.hipaaiam.audit.ledger.verify.RecordProofs;
import org.hipaaiam.audit.ledger.verify.VerificationReport;

/**
 * The auditors' tool; needs only a JDK 17 and the ledger folder. Exit codes: 0 valid,
 * 1 tampered or invalid, 2 unreadable input or usage error.
 */
public final class LedgerCli {

    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int UNUSABLE = 2;

    private static final String USAGE = """
            usage:
              verify <ledger-dir>... [--public-key FILE]... [--trusted-checkpoint FILE]... [--json-report FILE]
              prove <ledger-dir> <index> [--shard PERIOD]
              check-proof <proof-file> --record FILE --public-key FILE
              export <ledger-dir>... --from ISO --to ISO
              keygen --name KEY-NAME --private-key FILE --public-key FILE
            exit codes: 0 valid, 1 tampered or invalid, 2 unreadable input or usage error
            """;

    private final PrintStream out;
    private final PrintStream err;

    public LedgerCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new LedgerCli(System.out, System.err).run(args));
    }

    public int run(String... args) {
        if (args.length == 0) {
            err.print(USAGE);
            return UNUSABLE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "verify" -> verify(new Arguments(rest, Set.of("public-key", "trusted-checkpoint", "json-report")));
                case "prove" -> prove(new Arguments(rest, Set.of("shard")));
                case "check-proof" -> checkProof(new Arguments(rest, Set.of("record", "public-key")));
                case "export" -> export(new Arguments(rest, Set.of("from", "to")));
                case "keygen" -> keygen(new Arguments(rest, Set.of("name", "private-key", "public-key")));
                default -> throw new Arguments.UsageException("unknown command " + args[0]);
            };
        } catch (Arguments.UsageException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return UNUSABLE;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return UNUSABLE;
        }
    }

    /**
     * Verifies one ledger folder, or each node's folder of a cluster in one run: valid only if every one is. With
     * several folders, `--public-key` is given once per folder, in the same order; a trusted checkpoint is used for
     * the folder whose key signed it.
     */
    private int verify(Arguments args) throws IOException {
        List<String> folders = args.positionals();
        if (folders.isEmpty()) {
            throw new Arguments.UsageException("missing ledger folder");
        }
        List<String> keys = args.all("public-key");
        if (!keys.isEmpty() && keys.size() != folders.size()) {
            throw new Arguments.UsageException("give --public-key once per ledger folder, in the same order");
        }
        List<SignedNote> trusted = new ArrayList<>();
        for (String file : args.all("trusted-checkpoint")) {
            trusted.add(SignedNote.parse(Files.readString(Path.of(file), StandardCharsets.UTF_8)));
        }
        List<Path> ledgers = new ArrayList<>();
        List<Path> keyFiles = new ArrayList<>();
        List<NoteVerifierKey> verifierKeys = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            ledgers.add(existingDirectory(folders.get(i)));
            keyFiles.add(keys.isEmpty() ? ledgers.get(i).resolve(LedgerLayout.VERIFIER_KEY_FILE) : Path.of(keys.get(i)));
            verifierKeys.add(NoteVerifierKey.read(keyFiles.get(i)));
        }
        for (SignedNote checkpoint : trusted) {
            if (folders.size() > 1 && verifierKeys.stream().noneMatch(key -> key.verifies(checkpoint))) {
                throw new IllegalArgumentException("a --trusted-checkpoint is signed by none of the ledgers' keys");
            }
        }
        List<VerificationReport> reports = new ArrayList<>();
        for (int i = 0; i < ledgers.size(); i++) {
            NoteVerifierKey key = verifierKeys.get(i);
            // One folder gets every trusted checkpoint, so one signed by another key is reported, not skipped.
            List<SignedNote> own = folders.size() == 1 ? trusted : trusted.stream().filter(key::verifies).toList();
            reports.add(verifyOne(ledgers.get(i), key, keyFiles.get(i), !keys.isEmpty(), own));
        }
        boolean valid = reports.stream().allMatch(VerificationReport::valid);
        Path json = args.option("json-report").map(Path::of).orElse(null);
        if (json != null) {
            Files.writeString(json, reports.size() == 1 ? reports.get(0).toJson()
                    : "[" + String.join(",\n", reports.stream().map(VerificationReport::toJson).toList()) + "]", StandardCharsets.UTF_8);
        }
        if (reports.size() == 1) {
            printSummary(reports.get(0));
        } else {
            out.println(valid ? "VALID" : "INVALID");
            for (int i = 0; i < reports.size(); i++) {
                out.println("== " + folders.get(i));
                printSummary(reports.get(i));
            }
        }
        return valid ? VALID : INVALID;
    }

    private VerificationReport verifyOne(Path ledger, NoteVerifierKey key, Path keyFile, boolean keyGiven, List<SignedNote> trusted)
            throws IOException {
        VerificationReport report = new LedgerVerifier(key, err::println).verify(ledger, keyFile.toString(), trusted);
        if (!keyGiven) {
            report = report.withWarning("the public key was read from the ledger folder itself; pass --public-key"
                    + " with a copy kept elsewhere");
        }
        if (trusted.isEmpty()) {
            report = report.withWarning("no --trusted-checkpoint given: removal of the newest entries together with"
                    + " their checkpoints cannot be detected");
        }
        return report;
    }

    private void printSummary(VerificationReport report) {
        out.println(report.valid() ? "VALID" : "INVALID");
        for (VerificationReport.ShardReport shard : report.shards()) {
            out.printf("%s: %d entries, %d checkpoints (last over %d entries)%n", shard.origin(), shard.entries(),
                    shard.checkpoints(), shard.lastCheckpointSize());
            shard.problems().forEach(p -> out.println("  problem: " + p));
            shard.warnings().forEach(w -> out.println("  warning: " + w));
        }
        report.problems().forEach(p -> out.println("problem: " + p));
        report.warnings().forEach(w -> out.println("warning: " + w));
    }

    private int prove(Arguments args) throws IOException {
        args.expectPositional(2);
        Path ledger = existingDirectory(args.positional(0, "ledger folder"));
        long index = Long.parseLong(args.positional(1, "index"));
        List<Path> shards = LedgerLayout.shards(ledger);
        Path shard = args.option("shard").map(ledger::resolve)
                .orElseGet(() -> shards.isEmpty() ? ledger : shards.get(shards.size() - 1));
        if (!shards.contains(shard)) {
            throw new IllegalArgumentException("no shard " + shard.getFileName() + " in " + ledger);
        }
        out.print(RecordProofs.prove(shard, index).format());
        return VALID;
    }

    private int checkProof(Arguments args) throws IOException {
        args.expectPositional(1);
        InclusionProof proof = InclusionProof.parse(Files.readString(Path.of(args.positional(0, "proof file"))));
        byte[] record = Files.readAllBytes(Path.of(args.required("record")));
        NoteVerifierKey key = NoteVerifierKey.read(Path.of(args.required("public-key")));
        RecordProofs.Outcome outcome = RecordProofs.check(proof, record, key);
        out.println((outcome.valid() ? "VALID: " : "INVALID: ") + outcome.reason());
        return outcome.valid() ? VALID : INVALID;
    }

    /**
     * Prints the records with event time in [from, to) as lines; records are canonical JSON. Several folders (the
     * nodes of a cluster) are merged by event time; records of one millisecond keep the folders' order.
     */
    private int export(Arguments args) throws IOException {
        List<String> folders = args.positionals();
        if (folders.isEmpty()) {
            throw new Arguments.UsageException("missing ledger folder");
        }
        long from = instant(args.required("from"));
        long to = instant(args.required("to"));
        List<String> faults = new ArrayList<>();
        PriorityQueue<LedgerRange> heads = new PriorityQueue<>(Comparator.comparingLong((LedgerRange r) -> r.peek().timestampMillis())
                .thenComparingInt(LedgerRange::order));
        for (int i = 0; i < folders.size(); i++) {
            LedgerRange range = new LedgerRange(existingDirectory(folders.get(i)), i, from, to, faults);
            if (range.peek() != null) {
                heads.add(range);
            }
        }
        OutputStream stream = out;
        while (!heads.isEmpty()) {
            LedgerRange first = heads.poll();
            stream.write(first.peek().payload());
            stream.write('\n');
            first.advance();
            if (first.peek() != null) {
                heads.add(first);
            }
        }
        stream.flush();
        faults.forEach(fault -> err.println("warning: " + fault + "; later entries not exported, run verify"));
        return faults.isEmpty() ? VALID : INVALID;
    }

    private int keygen(Arguments args) throws IOException {
        args.expectPositional(0);
        NoteSigningKey key = NoteSigningKey.generate(args.required("name"));
        key.write(Path.of(args.required("private-key")));
        Files.writeString(Path.of(args.required("public-key")), key.verifierKey().format() + "\n",
                StandardCharsets.UTF_8);
        out.println(key.verifierKey().format());
        return VALID;
    }

    private static Path existingDirectory(String name) {
        Path path = Path.of(name);
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("no such folder: " + name);
        }
        return path;
    }

    /** An ISO-8601 instant ({@code 2026-03-01T08:00:00Z}) or a UTC date ({@code 2026-03-01}). */
    private static long instant(String text) {
        try {
            return text.contains("T") ? Instant.parse(text).toEpochMilli()
                    : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new Arguments.UsageException("not an ISO date or instant: " + text);
        }
    }
}

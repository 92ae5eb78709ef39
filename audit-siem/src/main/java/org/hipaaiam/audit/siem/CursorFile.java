package org.hipaaiam.audit.siem;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hipaaiam.audit.ledger.segment.SegmentFiles;

/**
 * How far forwarding got, per shard (period label): the index of the next record to send and
 * the tree size of the last checkpoint sent. One text line per shard:
 * <pre>
 * # hipaa-audit-siem cursor v1: period next-index checkpoint-size
 * 2026 1200 1200
 * </pre>
 * Saved by writing a temporary file, fsync, atomic rename, then fsync of the folder, so a crash
 * leaves either the old or the new cursor, never a torn one.
 */
final class CursorFile {

    /** Where one shard's forwarding stands. */
    record Position(long nextIndex, long checkpointSize) {
        static final Position START = new Position(0, -1);
    }

    private static final String HEADER = "# hipaa-audit-siem cursor v1: period next-index checkpoint-size";

    private final Path file;

    CursorFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** Refuses a cursor inside a shard folder of the ledger: the ledger's folders hold only its own files. */
    static CursorFile beside(Path ledgerDirectory, Path file) {
        CursorFile cursor = new CursorFile(file);
        Path ledger = ledgerDirectory.toAbsolutePath().normalize();
        if (cursor.file.startsWith(ledger) && !cursor.file.getParent().equals(ledger)) {
            throw new IllegalArgumentException("the cursor file " + cursor.file + " must not lie inside a folder of"
                    + " the ledger " + ledger + "; put it outside the ledger folder");
        }
        return cursor;
    }

    /** The saved positions; none when nothing was saved yet. */
    SortedMap<String, Position> load() throws IOException {
        SortedMap<String, Position> positions = new TreeMap<>();
        if (!Files.exists(file)) {
            return positions;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split(" ");
            if (fields.length != 3) {
                throw new IOException("malformed cursor line in " + file + ": " + line);
            }
            try {
                positions.put(fields[0], new Position(Long.parseLong(fields[1]), Long.parseLong(fields[2])));
            } catch (NumberFormatException e) {
                throw new IOException("malformed cursor line in " + file + ": " + line, e);
            }
        }
        return positions;
    }

    void save(Map<String, Position> positions) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        new TreeMap<>(positions).forEach((period, p) ->
                text.append(period).append(' ').append(p.nextIndex()).append(' ').append(p.checkpointSize()).append('\n'));
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Path temporary = folder.resolve(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(StandardCharsets.UTF_8.encode(text.toString()));
            out.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        SegmentFiles.syncDirectory(folder);
    }
}

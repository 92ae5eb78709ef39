package org.hipaaiam.audit.ledger.segment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Names segment files after the sequence number of their first frame, so a listing sorts in log order. */
public final class SegmentFiles {

    private static final Pattern NAME = Pattern.compile("segment-(\\d{20})\\.log");

    private SegmentFiles() {
    }

    public static Path path(Path directory, long firstSequence) {
        return directory.resolve(String.format("segment-%020d.log", firstSequence));
    }

    public static long firstSequence(Path segment) {
        Matcher m = NAME.matcher(segment.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a segment file: " + segment);
        }
        return Long.parseLong(m.group(1));
    }

    /** The segment files of a log directory in log order; an absent directory is an empty log. */
    public static List<Path> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a new directory entry durable: fsync of the directory itself (Linux, macOS). */
    public static void syncDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }
}

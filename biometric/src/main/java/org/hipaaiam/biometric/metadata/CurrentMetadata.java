package org.hipaaiam.biometric.metadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * The metadata in use on this node: the BLOB file is read again whenever an admin replaces it. A replacement that
 * fails a check, or whose number is lower than the one in use (an old BLOB put back, which may predate a
 * revocation), is not taken: the one in use stays, until its own `nextUpdate`, and the problem is kept for the
 * admin to see and for an alert. With no good BLOB at all, every decision is a refusal (fail closed).
 */
public final class CurrentMetadata {

    private final Path file;
    private final MetadataBlobFile blob;
    private final Clock clock;

    private TrustedMetadata inUse;
    private FileTime readAt;
    private String problem;

    public CurrentMetadata(Path file, MetadataBlobFile blob, Clock clock) {
        this.file = file;
        this.blob = blob;
        this.clock = clock;
    }

    /** The decision for one model now, with the metadata as it is now. */
    public ModelVerdict verdict(UUID aaguid) {
        Optional<TrustedMetadata> metadata = current();
        if (metadata.isEmpty()) {
            return new ModelVerdict.Refused("no trusted FIDO metadata: " + problem);
        }
        return metadata.get().verdict(aaguid, today());
    }

    /** The metadata in use after looking at the file, if any good BLOB was ever read. */
    public synchronized Optional<TrustedMetadata> current() {
        FileTime modified = modified();
        if (modified == null || !modified.equals(readAt)) {
            readAt = modified;
            take();
        }
        return Optional.ofNullable(inUse);
    }

    /** Why the file on disk is not the metadata in use (or why there is none), if it is not. */
    public synchronized Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private void take() {
        TrustedMetadata read;
        try {
            read = blob.read();
        } catch (MetadataUnavailable refused) {
            problem = refused.getMessage();
            return;
        }
        if (inUse != null && read.number() < inUse.number()) {
            problem = "the FIDO metadata BLOB at " + file + " has number " + read.number()
                    + ", older than number " + inUse.number() + " in use; it is not taken";
            return;
        }
        inUse = read;
        problem = read.staleOn(today()) ? "the FIDO metadata is out of date (next update was due " + read.nextUpdate() + ")" : null;
    }

    private FileTime modified() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException absent) {
            return null;
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}

package org.hipaaiam.biometric.metadata;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.hipaaiam.core.settings.Setting;
import org.hipaaiam.core.settings.SpiOptions;

/**
 * Where a node finds the FIDO metadata (SPI options of the fingerprint providers, read once at start). The files
 * themselves are read when used, so a missing one refuses fingerprint enrolment and sign-in with its reason and
 * never stops the server: password, TOTP and badge sign-in go on.
 */
public record FidoMetadataSettings(Path blob, Path root, boolean revocationChecked, List<Path> crls) {

    /** The MDS3 BLOB an admin downloads from the FIDO Alliance and replaces before its `nextUpdate`. */
    public static final Setting<String> BLOB = Setting.text("metadata-blob", "");
    /** The FIDO root (PEM) the BLOB's signer must chain to: GlobalSign Root CA - R3 for the FIDO service. */
    public static final Setting<String> ROOT = Setting.text("metadata-root", "");
    /** Check the signer's chain against {@link #CRLS}; off only by an explicit choice. */
    public static final Setting<Boolean> REVOCATION = Setting.flag("metadata-revocation", true);
    /** The CRL files (DER or PEM) of the root and the intermediate, downloaded with the BLOB. */
    public static final Setting<List<String>> CRLS = Setting.list("metadata-crls", "");

    public static FidoMetadataSettings of(SpiOptions options) {
        return new FidoMetadataSettings(Path.of(options.get(BLOB)), Path.of(options.get(ROOT)), options.get(REVOCATION),
                options.get(CRLS).stream().map(Path::of).toList());
    }

    /** This node's view of the metadata, following the files. */
    public CurrentMetadata currentMetadata(Clock clock) {
        return new CurrentMetadata(blob, MetadataBlobFile.withFiles(blob, root, revocationChecked, crls), clock);
    }
}

package org.hipaaiam.biometric.metadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.metadata.FidoMDS3MetadataBLOBProvider;
import com.webauthn4j.metadata.HttpClient;
import com.webauthn4j.metadata.data.MetadataBLOB;

/**
 * The FIDO Metadata Service BLOB (MDS3) read from a file an admin refreshes, checked as the service's own would be:
 * the JWS signature, the signer's certificate chain up to the configured FIDO root and, unless switched off, the
 * revocation of that chain against local CRL files. Built on webauthn4j's MDS3 provider with its HTTP client
 * replaced by the file: nothing is fetched from the network (webauthn4j's local-file provider is not used because
 * it skips the signature).
 */
public final class MetadataBlobFile {

    private static final ObjectConverter JSON = new ObjectConverter();

    private final Path blob;
    private final Trust trust;

    /** What the BLOB is checked against, obtained at each read (files an admin may replace while the server runs). */
    @FunctionalInterface
    interface Trust {
        /** The FIDO root and the revocation check, or why they cannot be had. */
        Anchor get() throws MetadataUnavailable;
    }

    record Anchor(X509Certificate fidoRoot, Revocation revocation) {
    }

    public MetadataBlobFile(Path blob, X509Certificate fidoRoot, Revocation revocation) {
        this(blob, () -> new Anchor(fidoRoot, revocation));
    }

    private MetadataBlobFile(Path blob, Trust trust) {
        this.blob = blob;
        this.trust = trust;
    }

    /**
     * The FIDO root read from a PEM file, and the CRL files, each time the BLOB is read, so an admin can supply or
     * replace them while the server runs; a missing or unreadable one refuses the BLOB, never the server's start.
     */
    public static MetadataBlobFile withFiles(Path blob, Path rootPem, boolean revocationChecked, List<Path> crlFiles) {
        return new MetadataBlobFile(blob, () -> new Anchor(readCertificate(rootPem),
                revocationChecked ? Revocation.fromCrlFiles(crlFiles) : Revocation.off()));
    }

    private static X509Certificate readCertificate(Path pem) throws MetadataUnavailable {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException unreadable) {
            throw new MetadataUnavailable("the FIDO root certificate " + pem + " cannot be read");
        }
    }

    /** Reads and checks the file now; a BLOB that fails any check is never partly used. */
    public TrustedMetadata read() throws MetadataUnavailable {
        if (blob.toString().isEmpty()) {
            throw new MetadataUnavailable("no FIDO metadata BLOB is configured");
        }
        byte[] contents;
        try {
            contents = Files.readAllBytes(blob);
        } catch (NoSuchFileException missing) {
            throw new MetadataUnavailable("no FIDO metadata BLOB at " + blob);
        } catch (IOException unreadable) {
            throw new MetadataUnavailable("the FIDO metadata BLOB at " + blob + " cannot be read", unreadable);
        }
        Anchor anchor = trust.get();
        HttpClient fromFile = url -> new HttpClient.Response(200, new ByteArrayInputStream(contents));
        FidoMDS3MetadataBLOBProvider provider = new FidoMDS3MetadataBLOBProvider(JSON, blob.toUri().toString(), fromFile,
                Set.of(new TrustAnchor(anchor.fidoRoot(), null)));
        provider.setRevocationCheckEnabled(anchor.revocation().checked());
        provider.setCertPathChecker(anchor.revocation());
        MetadataBLOB checked;
        try {
            checked = provider.provide();
        } catch (RuntimeException refused) {
            throw new MetadataUnavailable("the FIDO metadata BLOB at " + blob + " is refused: " + reason(refused), refused);
        }
        return TrustedMetadata.of(checked.getPayload());
    }

    private static String reason(RuntimeException refused) {
        String reason = refused.getMessage() == null ? refused.getClass().getSimpleName() : refused.getMessage();
        Throwable cause = refused.getCause();
        return cause != null && cause.getMessage() != null && !reason.contains(cause.getMessage())
                ? reason + " (" + cause.getMessage() + ")" : reason;
    }
}

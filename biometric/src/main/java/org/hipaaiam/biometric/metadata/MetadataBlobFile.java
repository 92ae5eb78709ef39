package org.hipaaiam.biometric.metadata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
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
    private final X509Certificate fidoRoot;
    private final Revocation revocation;

    public MetadataBlobFile(Path blob, X509Certificate fidoRoot, Revocation revocation) {
        this.blob = blob;
        this.fidoRoot = fidoRoot;
        this.revocation = revocation;
    }

    /** Reads and checks the file now; a BLOB that fails any check is never partly used. */
    public TrustedMetadata read() throws MetadataUnavailable {
        byte[] contents;
        try {
            contents = Files.readAllBytes(blob);
        } catch (NoSuchFileException missing) {
            throw new MetadataUnavailable("no FIDO metadata BLOB at " + blob);
        } catch (IOException unreadable) {
            throw new MetadataUnavailable("the FIDO metadata BLOB at " + blob + " cannot be read", unreadable);
        }
        HttpClient fromFile = url -> new HttpClient.Response(200, new ByteArrayInputStream(contents));
        FidoMDS3MetadataBLOBProvider provider = new FidoMDS3MetadataBLOBProvider(JSON, blob.toUri().toString(), fromFile,
                Set.of(new TrustAnchor(fidoRoot, null)));
        provider.setRevocationCheckEnabled(revocation.checked());
        provider.setCertPathChecker(revocation);
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

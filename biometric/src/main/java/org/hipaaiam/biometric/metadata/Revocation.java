package org.hipaaiam.biometric.metadata;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertPathValidator;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import com.webauthn4j.metadata.CertPathCheckContext;
import com.webauthn4j.metadata.CertPathChecker;
import com.webauthn4j.metadata.exception.CertPathCheckException;

/**
 * How the BLOB signer's certificate chain is checked for revocation, offline: against CRL files an admin keeps
 * beside the BLOB (the FIDO root's and the intermediate's), never by fetching a CRL or asking an OCSP responder
 * from the sign-in path. Switching the check off is a documented, explicit choice ({@link #off()}).
 */
public final class Revocation implements CertPathChecker {

    private final List<CRL> crls;
    private final boolean checked;

    private Revocation(List<CRL> crls, boolean checked) {
        this.crls = List.copyOf(crls);
        this.checked = checked;
    }

    /** Every certificate of the chain but the root must be covered by one of these CRLs, or the chain is refused. */
    public static Revocation fromCrlFiles(List<Path> files) throws MetadataUnavailable {
        if (files.isEmpty()) {
            throw new MetadataUnavailable("revocation checking is on but no CRL file is configured");
        }
        List<CRL> crls = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                Collection<? extends CRL> read = CertificateFactory.getInstance("X.509").generateCRLs(in);
                if (read.isEmpty()) {
                    throw new MetadataUnavailable("CRL file " + file.getFileName() + " holds no CRL");
                }
                crls.addAll(read);
            } catch (IOException | GeneralSecurityException unreadable) {
                throw new MetadataUnavailable("CRL file " + file.getFileName() + " cannot be read", unreadable);
            }
        }
        return new Revocation(crls, true);
    }

    /** No revocation check of the BLOB's signer (the chain and signature are still checked). */
    public static Revocation off() {
        return new Revocation(List.of(), false);
    }

    public boolean checked() {
        return checked;
    }

    @Override
    public void check(CertPathCheckContext context) {
        try {
            PKIXParameters parameters = new PKIXParameters(context.getTrustAnchors());
            parameters.setRevocationEnabled(checked);
            if (checked) {
                CertPathValidator validator = CertPathValidator.getInstance("PKIX");
                PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
                // CRLs only, from the files: no OCSP, no download, and no CRL means revoked-unknown, which fails.
                revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                        PKIXRevocationChecker.Option.NO_FALLBACK));
                parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
                parameters.addCertPathChecker(revocation);
                validator.validate(context.getCertPath(), parameters);
            } else {
                CertPathValidator.getInstance("PKIX").validate(context.getCertPath(), parameters);
            }
        } catch (GeneralSecurityException invalid) {
            throw new CertPathCheckException("the BLOB signer's certificate chain is not valid: " + invalid.getMessage(), invalid);
        }
    }
}

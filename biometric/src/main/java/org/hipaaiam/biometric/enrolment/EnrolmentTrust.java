package org.hipaaiam.biometric.enrolment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import com.webauthn4j.WebAuthnRegistrationManager;
import com.webauthn4j.anchor.TrustAnchorRepository;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.AttestationStatement;
import com.webauthn4j.data.attestation.statement.CertificateBaseAttestationStatement;
import com.webauthn4j.verifier.RegistrationObject;
import com.webauthn4j.verifier.attestation.statement.androidkey.AndroidKeyAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.packed.PackedAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.statement.tpm.TPMAttestationStatementVerifier;
import com.webauthn4j.verifier.attestation.trustworthiness.certpath.DefaultCertPathTrustworthinessVerifier;
import com.webauthn4j.verifier.exception.BadAttestationStatementException;
import com.webauthn4j.verifier.exception.SelfAttestationProhibitedException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;
import org.hipaaiam.biometric.metadata.AuthenticatorModel;
import org.hipaaiam.biometric.metadata.CurrentMetadata;
import org.hipaaiam.biometric.metadata.ModelVerdict;

/**
 * Decides whether a WebAuthn registration may become a fingerprint credential. Stricter than Keycloak's own
 * registration: the attestation must be a full basic attestation (formats packed, TPM, Android key; no `none`, no
 * self attestation, no U2F keys, which name no model), its certificate must chain to the roots the FIDO metadata
 * gives for *that* model (never a shared trust store in which any CA vouches for any model), the model must be
 * admitted by current metadata, and the user must have been verified on the authenticator.
 */
public final class EnrolmentTrust {

    private final CurrentMetadata metadata;

    public EnrolmentTrust(CurrentMetadata metadata) {
        this.metadata = metadata;
    }

    /**
     * A webauthn4j registration manager with these rules; `accepted` receives the facts of a registration that
     * passed every check (the caller stores them with the credential it then creates), `refused` runs before a
     * refusal propagates (the caller marks its audit record).
     */
    public WebAuthnRegistrationManager registrationManager(Consumer<EnrolmentFacts> accepted, Runnable refused) {
        return new WebAuthnRegistrationManager(
                List.of(new PackedAttestationStatementVerifier(), new TPMAttestationStatementVerifier(),
                        new AndroidKeyAttestationStatementVerifier()),
                new DefaultCertPathTrustworthinessVerifier(new ModelTrustAnchors()),
                statement -> {
                    throw new SelfAttestationProhibitedException("self attestation names no model");
                },
                List.of(registration -> accepted.accept(facts(registration)))) {
            @Override
            public RegistrationData verify(RegistrationData registration, RegistrationParameters parameters) {
                try {
                    return super.verify(registration, parameters);
                } catch (RuntimeException refusal) {
                    refused.run();
                    throw refusal;
                }
            }
        };
    }

    /** Verifies the registration against the server's origin, RP id and challenge; user verification required. */
    public EnrolmentFacts verify(RegistrationRequest request, RegistrationParameters parameters) throws EnrolmentRefused {
        if (!parameters.isUserVerificationRequired()) {
            throw new IllegalArgumentException("fingerprint enrolment always requires user verification");
        }
        AtomicReference<EnrolmentFacts> facts = new AtomicReference<>();
        WebAuthnRegistrationManager manager = registrationManager(facts::set, () -> { });
        RegistrationData registration;
        try {
            registration = manager.parse(request);
        } catch (DataConversionException | IllegalArgumentException malformed) {
            throw new EnrolmentRefused("the registration is malformed", malformed);
        }
        try {
            manager.verify(registration, parameters);
        } catch (VerificationException failed) {
            throw new EnrolmentRefused(failed.getMessage(), failed);
        }
        return facts.get();
    }

    private EnrolmentFacts facts(RegistrationObject registration) {
        AuthenticatorData<?> data = registration.getAttestationObject().getAuthenticatorData();
        if (!data.isFlagUV()) {
            throw new UserNotVerifiedException("the authenticator did not verify the user");
        }
        UUID aaguid = data.getAttestedCredentialData().getAaguid().getValue();
        AuthenticatorModel model = admitted(aaguid);
        AttestationStatement statement = registration.getAttestationObject().getAttestationStatement();
        X509Certificate certificate = ((CertificateBaseAttestationStatement) statement).getX5c()
                .getEndEntityAttestationCertificate().getCertificate();
        String credentialId = Base64.getUrlEncoder().withoutPadding().encodeToString(data.getAttestedCredentialData().getCredentialId());
        return new EnrolmentFacts(credentialId, aaguid, model.description(), statement.getFormat(), sha256(certificate),
                model.metadataNumber(), model.status().getValue(), model.userVerification());
    }

    /** The model's admission now; a refusal ends the registration with the metadata's reason. */
    private AuthenticatorModel admitted(UUID aaguid) {
        ModelVerdict verdict = metadata.verdict(aaguid);
        if (verdict instanceof ModelVerdict.Refused refused) {
            throw new BadAttestationStatementException(refused.reason());
        }
        return verdict.admitted().orElseThrow();
    }

    /** Trust anchors per model, from the metadata in use at the moment of verification. */
    private final class ModelTrustAnchors implements TrustAnchorRepository {

        @Override
        public Set<TrustAnchor> find(AAGUID aaguid) {
            if (aaguid == null || AAGUID.ZERO.equals(aaguid)) {
                throw new BadAttestationStatementException("the authenticator names no model (AAGUID), so no metadata can vouch for it");
            }
            return admitted(aaguid.getValue()).attestationRoots().stream().map(root -> new TrustAnchor(root, null))
                    .collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public Set<TrustAnchor> find(byte[] attestationCertificateKeyIdentifier) {
            return Set.of();
        }
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

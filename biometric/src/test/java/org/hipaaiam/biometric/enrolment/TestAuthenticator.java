package org.hipaaiam.biometric.enrolment;

import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.UUID;
import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.CollectedClientDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.AttestationCertificatePath;
import com.webauthn4j.data.attestation.statement.AttestationStatement;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.attestation.statement.PackedAttestationStatement;
import com.webauthn4j.data.client.ClientDataType;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import org.hipaaiam.testfixtures.TestMetadataService;

/**
 * A security key of the tests' own: a model (AAGUID) whose attestation key a vendor's attestation root certified,
 * answering `navigator.credentials.create` as a real one does (packed attestation over authenticator data and
 * the client data hash), or with `none` or self attestation, with or without user verification.
 */
final class TestAuthenticator {

    enum Attestation { PACKED, SELF, NONE }

    static final String ORIGIN = "https://sso.hospital.example";
    static final String RP_ID = "sso.hospital.example";

    private static final ObjectConverter CONVERTER = new ObjectConverter();

    private final UUID aaguid;
    private final KeyPair attestationKey = ec();
    private final X509Certificate attestationCertificate;

    /** A model `aaguid` certified by `vendor`'s attestation root. */
    TestAuthenticator(UUID aaguid, TestMetadataService vendor) throws Exception {
        this.aaguid = aaguid;
        this.attestationCertificate = TestMetadataService.certificate(
                "C=US, O=Test Vendor, OU=Authenticator Attestation, CN=Test Key Batch",
                attestationKey, vendor.attestationRoot.getSubjectX500Principal().getName(),
                vendor.attestationRootKey.getPrivate(), false, 7);
    }

    X509Certificate attestationCertificate() {
        return attestationCertificate;
    }

    RegistrationRequest register(byte[] challenge, boolean userVerified, Attestation attestation) throws Exception {
        KeyPair credentialKey = ec();
        byte[] credentialId = new byte[16];
        new SecureRandom().nextBytes(credentialId);
        AttestedCredentialData credential = new AttestedCredentialData(new AAGUID(aaguid), credentialId,
                EC2COSEKey.create((ECPublicKey) credentialKey.getPublic(), COSEAlgorithmIdentifier.ES256));
        byte flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_AT | (userVerified ? AuthenticatorData.BIT_UV : 0));
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data =
                new AuthenticatorData<>(sha256(RP_ID.getBytes()), flags, 0, credential);
        byte[] dataBytes = new AuthenticatorDataConverter(CONVERTER).convert(data);
        byte[] clientData = new CollectedClientDataConverter(CONVERTER).convertToBytes(new CollectedClientData(
                ClientDataType.WEBAUTHN_CREATE, new DefaultChallenge(challenge), new Origin(ORIGIN), null));
        ByteArrayOutputStream signed = new ByteArrayOutputStream();
        signed.write(dataBytes);
        signed.write(sha256(clientData));
        AttestationStatement statement = switch (attestation) {
            case PACKED -> new PackedAttestationStatement(COSEAlgorithmIdentifier.ES256,
                    sign(attestationKey.getPrivate(), signed.toByteArray()),
                    new AttestationCertificatePath(List.of(attestationCertificate)));
            case SELF -> new PackedAttestationStatement(COSEAlgorithmIdentifier.ES256,
                    sign(credentialKey.getPrivate(), signed.toByteArray()), null);
            case NONE -> new NoneAttestationStatement();
        };
        byte[] attestationObject = new AttestationObjectConverter(CONVERTER).convertToBytes(new AttestationObject(data, statement));
        return new RegistrationRequest(attestationObject, clientData);
    }

    private static byte[] sign(PrivateKey key, byte[] bytes) throws Exception {
        Signature es256 = Signature.getInstance("SHA256withECDSA");
        es256.initSign(key);
        es256.update(bytes);
        return es256.sign();
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    private static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.hipaaiam.auth.workstation;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A workstation badge reader's public key (PEM `PUBLIC KEY`, SubjectPublicKeyInfo): Ed25519 (JWS `EdDSA`) or
 * EC P-256 (JWS `ES256`). The reader agent keeps the private key on the workstation.
 */
public record ReaderKey(PublicKey key, String jwsAlgorithm) {

    public static ReaderKey parsePem(String pem) {
        if (pem == null || !pem.contains("BEGIN PUBLIC KEY")) {
            throw new IllegalArgumentException("publicKey must be a PEM PUBLIC KEY (Ed25519 or EC P-256)");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("publicKey is not valid base64 PEM");
        }
        for (String algorithm : new String[] {"Ed25519", "EC"}) {
            try {
                PublicKey key = KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
                if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() != 256) {
                    throw new IllegalArgumentException("EC reader keys must be on curve P-256");
                }
                return new ReaderKey(key, algorithm.equals("EC") ? "ES256" : "EdDSA");
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("publicKey is neither an Ed25519 nor an EC P-256 key");
    }

    public boolean verifies(byte[] signed, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(jwsAlgorithm.equals("ES256") ? "SHA256withECDSAinP1363Format" : "Ed25519");
            verifier.initVerify(key);
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    public String pem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }
}

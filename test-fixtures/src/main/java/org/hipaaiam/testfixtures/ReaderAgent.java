package org.hipaaiam.testfixtures;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;

/** A workstation's badge reader agent: holds an Ed25519 key and signs tap assertions and walk-away messages (compact JWS, EdDSA). */
public final class ReaderAgent {

    private final String workstationId;
    private final KeyPair key;

    public ReaderAgent(String workstationId) {
        this.workstationId = workstationId;
        try {
            this.key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** A fresh tap, valid for 30 s from now. */
    public String tap(String realm, String badge) {
        long now = System.currentTimeMillis() / 1000;
        return tap(realm, badge, now, now + 30, UUID.randomUUID().toString());
    }

    public String tap(String realm, String badge, long issuedAt, long expiresAt, String nonce) {
        return sign("{\"alg\":\"EdDSA\",\"typ\":\"hipaa-tap+jwt\"}", claims(realm, badge, issuedAt, expiresAt, nonce, ""));
    }

    /** A fresh walk-away: the badge left the workstation (its own type, so no tap can pass for it). */
    public String leave(String realm, String badge) {
        long now = System.currentTimeMillis() / 1000;
        return sign("{\"alg\":\"EdDSA\",\"typ\":\"hipaa-badge-left+jwt\"}",
                claims(realm, badge, now, now + 30, UUID.randomUUID().toString(), ",\"evt\":\"badge-left\""));
    }

    private String claims(String realm, String badge, long issuedAt, long expiresAt, String nonce, String more) {
        return "{\"iss\":\"" + workstationId + "\",\"aud\":\"" + realm + "\",\"badge\":\"" + badge + "\",\"nonce\":\"" + nonce
                + "\",\"iat\":" + issuedAt + ",\"exp\":" + expiresAt + more + "}";
    }

    private String sign(String header, String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

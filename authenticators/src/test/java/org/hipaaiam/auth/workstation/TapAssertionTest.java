package org.hipaaiam.auth.workstation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TapAssertionTest {

    private static final long NOW = 1_800_000_000L;
    private static final String NONCE = "3f9a7c1e5b2d4f60a8c7";

    private final KeyPair ed25519 = generate("Ed25519", null);
    private final KeyPair p256 = generate("EC", "secp256r1");

    @Test
    void acceptsAFreshEd25519AndAnEs256Tap() {
        TapAssertion.Result ed = verify(sign(ed25519, "EdDSA", "ws-ed", claims("ws-ed", NOW, NOW + 30)), registry("ws-ed", ed25519));
        assertEquals("4821", ed.verified().orElseThrow().badge());
        assertEquals(NONCE, ed.verified().orElseThrow().nonce());

        TapAssertion.Result es = verify(sign(p256, "ES256", "ws-es", claims("ws-es", NOW, NOW + 30)), registry("ws-es", p256));
        assertTrue(es.verified().isPresent(), String.valueOf(es.refusal()));
    }

    @Test
    void refusesExpiredOverlongFutureAndWrongAudienceTaps() {
        Function<String, Optional<Workstation>> registry = registry("ws-ed", ed25519);
        assertEquals(TapAssertion.Refusal.EXPIRED, verify(sign(ed25519, "EdDSA", "ws-ed", claims("ws-ed", NOW - 90, NOW - 60)), registry).refusal());
        assertEquals(TapAssertion.Refusal.TOO_LONG_LIVED, verify(sign(ed25519, "EdDSA", "ws-ed", claims("ws-ed", NOW, NOW + 3600)), registry).refusal());
        assertEquals(TapAssertion.Refusal.NOT_YET_VALID, verify(sign(ed25519, "EdDSA", "ws-ed", claims("ws-ed", NOW + 60, NOW + 90)), registry).refusal());
        String otherRealm = "{\"iss\":\"ws-ed\",\"aud\":\"other\",\"badge\":\"4821\",\"nonce\":\"" + NONCE + "\",\"iat\":" + NOW + ",\"exp\":" + (NOW + 30) + "}";
        assertEquals(TapAssertion.Refusal.WRONG_AUDIENCE, verify(sign(ed25519, "EdDSA", "ws-ed", otherRealm), registry).refusal());
    }

    @Test
    void refusesTapsSignedWithAnotherKeyOrForAnUnknownWorkstation() {
        KeyPair stranger = generate("Ed25519", null);
        assertEquals(TapAssertion.Refusal.BAD_SIGNATURE,
                verify(sign(stranger, "EdDSA", "ws-ed", claims("ws-ed", NOW, NOW + 30)), registry("ws-ed", ed25519)).refusal());
        assertEquals(TapAssertion.Refusal.BAD_SIGNATURE,
                verify(sign(ed25519, "ES256", "ws-ed", claims("ws-ed", NOW, NOW + 30)), registry("ws-ed", ed25519)).refusal());
        assertEquals(TapAssertion.Refusal.UNKNOWN_WORKSTATION,
                verify(sign(ed25519, "EdDSA", "ws-x", claims("ws-x", NOW, NOW + 30)), registry("ws-ed", ed25519)).refusal());
    }

    @Test
    void refusesMalformedInput() {
        Function<String, Optional<Workstation>> registry = registry("ws-ed", ed25519);
        assertEquals(TapAssertion.Refusal.MALFORMED, verify("eyJ.not.json", registry).refusal());
        String noNonce = "{\"iss\":\"ws-ed\",\"aud\":\"hipaa\",\"badge\":\"4821\",\"iat\":" + NOW + ",\"exp\":" + (NOW + 30) + "}";
        assertEquals(TapAssertion.Refusal.MALFORMED, verify(sign(ed25519, "EdDSA", "ws-ed", noNonce), registry).refusal());
        assertFalse(TapAssertion.looksLikeAssertion("4821"));
        assertTrue(TapAssertion.looksLikeAssertion(sign(ed25519, "EdDSA", "ws-ed", claims("ws-ed", NOW, NOW + 30))));
    }

    @Test
    void refusesTimesThatWouldOverflowOrAreNotWholeSeconds() {
        Function<String, Optional<Workstation>> registry = registry("ws-ed", ed25519);
        // iat far in the past and exp near the end of long: exp - iat wraps around to a short lifetime, exp + skew never passes
        String[][] times = {
                {Long.toString(Long.MIN_VALUE), Long.toString(Long.MAX_VALUE - 5)},
                {Long.toString(NOW), Long.toString(Long.MAX_VALUE)},
                {Long.toString(NOW), "1e300"},
                {Long.toString(NOW), "99999999999999999999"},
                {NOW + ".5", Long.toString(NOW + 30)},
                {"-1", Long.toString(NOW + 30)},
                {Long.toString(NOW + 30), Long.toString(NOW)},
        };
        for (String[] iatAndExp : times) {
            String claims = "{\"iss\":\"ws-ed\",\"aud\":\"hipaa\",\"badge\":\"4821\",\"nonce\":\"" + NONCE + "\",\"iat\":" + iatAndExp[0]
                    + ",\"exp\":" + iatAndExp[1] + "}";
            assertEquals(TapAssertion.Refusal.MALFORMED, verify(sign(ed25519, "EdDSA", "ws-ed", claims), registry).refusal(),
                    "iat " + iatAndExp[0] + ", exp " + iatAndExp[1]);
        }
    }

    @Test
    void anAcceptedTapExpiresWithinItsLifetime() {
        TapAssertion.Verified tap = verify(sign(ed25519, "EdDSA", "ws-ed", claims("ws-ed", NOW, NOW + 60)), registry("ws-ed", ed25519))
                .verified().orElseThrow();
        assertEquals(NOW + 60, tap.expiresAt(), "the nonce is kept until then, so no accepted tap outlives it");
    }

    private static TapAssertion.Result verify(String compact, Function<String, Optional<Workstation>> registry) {
        return TapAssertion.verify(compact, registry, "hipaa", NOW);
    }

    @Test
    void aLeaveIsNeverATapNorATapALeave() {
        var registry = registry("ws-ed", ed25519);
        String leave = sign(ed25519, "EdDSA", "ws-ed", claims("ws-ed", NOW, NOW + 30).replace("}", ",\"evt\":\"badge-left\"}"),
                "hipaa-badge-left+jwt");
        String tap = sign(ed25519, "EdDSA", "ws-ed", claims("ws-ed", NOW, NOW + 30));
        String leaveClaimsAsTapType = sign(ed25519, "EdDSA", "ws-ed", claims("ws-ed", NOW, NOW + 30).replace("}", ",\"evt\":\"badge-left\"}"));
        String tapClaimsAsLeaveType = sign(ed25519, "EdDSA", "ws-ed", claims("ws-ed", NOW, NOW + 30), "hipaa-badge-left+jwt");

        assertEquals(TapAssertion.Refusal.WRONG_KIND, verify(leave, registry).refusal(), "a leave signs nobody in");
        assertEquals(TapAssertion.Refusal.WRONG_KIND, verify(leaveClaimsAsTapType, registry).refusal());
        assertEquals(TapAssertion.Refusal.WRONG_KIND, verify(tapClaimsAsLeaveType, registry).refusal());
        assertEquals(TapAssertion.Refusal.WRONG_KIND, leave(tap, registry).refusal(), "a captured tap is no leave");
        assertEquals(TapAssertion.Refusal.WRONG_KIND, leave(leaveClaimsAsTapType, registry).refusal());
        assertEquals(TapAssertion.Refusal.WRONG_KIND, leave(tapClaimsAsLeaveType, registry).refusal());
        assertEquals("4821", leave(leave, registry).verified().orElseThrow().badge());
    }

    private static TapAssertion.Result leave(String compact, Function<String, Optional<Workstation>> registry) {
        return TapAssertion.verify(compact, TapAssertion.Kind.BADGE_LEFT, registry, "hipaa", NOW);
    }

    private static Function<String, Optional<Workstation>> registry(String id, KeyPair reader) {
        Workstation workstation = Workstation.of(new WorkstationView(id, "clinical", "ED", null, new ReaderKey(reader.getPublic(), "").pem()));
        return wanted -> wanted.equals(id) ? Optional.of(workstation) : Optional.empty();
    }

    private static String claims(String workstation, long iat, long exp) {
        return "{\"iss\":\"" + workstation + "\",\"aud\":\"hipaa\",\"badge\":\"4821\",\"nonce\":\"" + NONCE + "\",\"iat\":" + iat + ",\"exp\":" + exp + "}";
    }

    private static String sign(KeyPair key, String alg, String workstation, String claims) {
        return sign(key, alg, workstation, claims, "hipaa-tap+jwt");
    }

    private static String sign(KeyPair key, String alg, String workstation, String claims, String type) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(("{\"alg\":\"" + alg + "\",\"typ\":\"" + type + "\",\"kid\":\"" + workstation + "\"}")
                .getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance(key.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSAinP1363Format" : "Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate(String algorithm, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            }
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

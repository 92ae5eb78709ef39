package org.hipaaiam.auth.workstation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.keycloak.util.JsonSerialization;

/**
 * A reader agent's signed message: a compact JWS (`EdDSA` or `ES256`) whose claims are `iss` (the workstation id),
 * `aud` (the realm name), `badge` (the number read), `nonce`, `iat` and `exp` (whole epoch seconds, `exp` not before
 * `iat`, at most {@value #MAX_LIFETIME_SECONDS} s apart). A tap carries no `evt` claim; a walk-away carries
 * `evt` = `badge-left` and the header `typ` = `hipaa-badge-left+jwt`, so a captured tap can never be replayed as a
 * leave, nor a leave as a tap. Verification order: shape (times range-checked before any arithmetic), kind, then
 * workstation key, then times; the nonce is spent by the caller.
 */
public final class TapAssertion {

    public static final long MAX_LIFETIME_SECONDS = 60;
    static final long CLOCK_SKEW_SECONDS = 5;
    /** `iat` and `exp` are whole epoch seconds up to the year 9999: no sum or difference of them can overflow. */
    static final long LATEST_INSTANT_SECONDS = 253_402_300_799L;

    /** Why an assertion was refused; recorded in the audit trail, never shown to the user. */
    public enum Refusal { MALFORMED, WRONG_KIND, UNKNOWN_WORKSTATION, BAD_SIGNATURE, WRONG_AUDIENCE, EXPIRED, TOO_LONG_LIVED, NOT_YET_VALID }

    /** What the reader reports: a badge tapped to sign in, or the signed-in user's badge leaving the workstation. */
    public enum Kind {
        TAP, BADGE_LEFT;

        static final String LEFT_EVENT = "badge-left";
        static final String LEFT_TYPE = "hipaa-badge-left+jwt";

        boolean matches(Map<String, Object> header, Map<String, Object> claims) {
            boolean leave = LEFT_TYPE.equals(header.get("typ"));
            return this == TAP ? claims.get("evt") == null && !leave : LEFT_EVENT.equals(claims.get("evt")) && leave;
        }
    }

    /** An assertion whose signature and times check out. */
    public record Verified(Workstation workstation, String badge, String nonce, long expiresAt) {
    }

    /** Either a verified assertion or the reason it was refused. */
    public record Result(Optional<Verified> verified, Refusal refusal) {
        static Result refused(Refusal refusal) {
            return new Result(Optional.empty(), refusal);
        }
    }

    private TapAssertion() {
    }

    /** True when the reader typed a JWS rather than a bare badge number. */
    public static boolean looksLikeAssertion(String typed) {
        return typed != null && typed.trim().chars().filter(c -> c == '.').count() == 2 && typed.trim().startsWith("ey");
    }

    /** A tap. */
    public static Result verify(String compact, Function<String, Optional<Workstation>> registry, String realmName, long nowSeconds) {
        return verify(compact, Kind.TAP, registry, realmName, nowSeconds);
    }

    public static Result verify(String compact, Kind kind, Function<String, Optional<Workstation>> registry, String realmName,
            long nowSeconds) {
        String[] parts = compact.trim().split("\\.");
        if (parts.length != 3) {
            return Result.refused(Refusal.MALFORMED);
        }
        Map<String, Object> header;
        Map<String, Object> claims;
        byte[] signature;
        try {
            header = json(parts[0]);
            claims = json(parts[1]);
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IOException | IllegalArgumentException e) {
            return Result.refused(Refusal.MALFORMED);
        }
        if (!(claims.get("iss") instanceof String issuer) || !(claims.get("badge") instanceof String badge)
                || !(claims.get("nonce") instanceof String nonce) || nonce.length() < 16 || nonce.length() > 128
                || !isInstant(claims.get("iat")) || !isInstant(claims.get("exp"))) {
            return Result.refused(Refusal.MALFORMED);
        }
        long iat = ((Number) claims.get("iat")).longValue();
        long exp = ((Number) claims.get("exp")).longValue();
        if (exp < iat) {
            return Result.refused(Refusal.MALFORMED);
        }
        if (!kind.matches(header, claims)) {
            return Result.refused(Refusal.WRONG_KIND);
        }
        Optional<Workstation> workstation = registry.apply(issuer);
        if (workstation.isEmpty() || workstation.get().readerKey().isEmpty()) {
            return Result.refused(Refusal.UNKNOWN_WORKSTATION);
        }
        ReaderKey key = workstation.get().readerKey().get();
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!key.jwsAlgorithm().equals(header.get("alg")) || !key.verifies(signed, signature)) {
            return Result.refused(Refusal.BAD_SIGNATURE);
        }
        if (!realmName.equals(claims.get("aud"))) {
            return Result.refused(Refusal.WRONG_AUDIENCE);
        }
        if (exp - iat > MAX_LIFETIME_SECONDS) {
            return Result.refused(Refusal.TOO_LONG_LIVED);
        }
        if (iat > nowSeconds + CLOCK_SKEW_SECONDS) {
            return Result.refused(Refusal.NOT_YET_VALID);
        }
        if (nowSeconds > exp + CLOCK_SKEW_SECONDS) {
            return Result.refused(Refusal.EXPIRED);
        }
        return new Result(Optional.of(new Verified(workstation.get(), badge, nonce, exp)), null);
    }

    /** Whole epoch seconds in range: a fraction, a negative or a number past the year 9999 is malformed. */
    private static boolean isInstant(Object claim) {
        return (claim instanceof Integer || claim instanceof Long) && ((Number) claim).longValue() >= 0
                && ((Number) claim).longValue() <= LATEST_INSTANT_SECONDS;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String base64Url) throws IOException {
        return JsonSerialization.readValue(Base64.getUrlDecoder().decode(base64Url), Map.class);
    }
}

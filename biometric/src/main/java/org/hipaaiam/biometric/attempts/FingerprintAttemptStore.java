package org.hipaaiam.biometric.attempts;

import java.time.Instant;
import org.keycloak.models.UserModel;

/**
 * A user's consecutive fingerprint failures, in the user attribute {@value #ATTRIBUTE} (`<failures> <epoch second of
 * the last>`), so every node counts the same failures; a new enrolment starts the count anew. An unreadable value counts as the most failures: fail closed.
 */
public final class FingerprintAttemptStore {

    static final String ATTRIBUTE = "hipaa.fingerprintFailures";

    private FingerprintAttemptStore() {
    }

    public static FingerprintAttempts of(UserModel user) {
        String stored = user.getFirstAttribute(ATTRIBUTE);
        if (stored == null || stored.isBlank()) {
            return FingerprintAttempts.NONE;
        }
        String[] parts = stored.trim().split(" ");
        try {
            return new FingerprintAttempts(Integer.parseInt(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1])));
        } catch (RuntimeException unreadable) {
            return new FingerprintAttempts(FingerprintAttempts.DISABLE_AFTER, Instant.EPOCH);
        }
    }

    public static void save(UserModel user, FingerprintAttempts attempts) {
        if (attempts.consecutiveFailures() == 0) {
            if (user.getFirstAttribute(ATTRIBUTE) != null) {
                user.removeAttribute(ATTRIBUTE);
            }
            return;
        }
        user.setSingleAttribute(ATTRIBUTE, attempts.consecutiveFailures() + " " + attempts.lastFailure().getEpochSecond());
    }
}

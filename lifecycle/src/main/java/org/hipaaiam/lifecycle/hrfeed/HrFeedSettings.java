package org.hipaaiam.lifecycle.hrfeed;

import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.vault.VaultStringSecret;

/** The HR feed's realm attributes, read once per request. The signing secret may be a vault reference. */
public record HrFeedSettings(Optional<String> signingSecret, long replayWindowSeconds) {

    /** Shared HMAC secret, or a vault reference such as `${vault.hr-feed-signing-secret}`. */
    public static final String SIGNING_SECRET = "hipaa.hrFeed.signingSecret";
    /** How far the signature timestamp may be from the server's clock, in seconds. */
    public static final String REPLAY_WINDOW_SECONDS = "hipaa.hrFeed.replayWindowSeconds";
    public static final long DEFAULT_REPLAY_WINDOW_SECONDS = 300;
    /** Realm role the caller's service account must hold. */
    public static final String CALLER_ROLE = "hr-feed";

    public static HrFeedSettings of(KeycloakSession session, RealmModel realm) {
        String configured = realm.getAttribute(SIGNING_SECRET);
        Optional<String> secret = Optional.empty();
        if (configured != null && !configured.isBlank()) {
            try (VaultStringSecret resolved = session.vault().getStringSecret(configured)) {
                secret = resolved.get().filter(value -> !value.isBlank());
            }
        }
        return new HrFeedSettings(secret, replayWindowSeconds(realm.getAttribute(REPLAY_WINDOW_SECONDS)));
    }

    /** A misconfigured window refuses requests rather than silently widening or closing it. */
    static long replayWindowSeconds(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT_REPLAY_WINDOW_SECONDS;
        }
        try {
            long seconds = Long.parseLong(configured.trim());
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new Refusal(Refusal.Reason.NOT_CONFIGURED, "realm attribute " + REPLAY_WINDOW_SECONDS + " must be a positive number of seconds");
    }
}

package org.hipaaiam.lifecycle.dormant;

import java.util.OptionalLong;
import org.keycloak.models.UserModel;

/**
 * When the account last signed in: a user attribute, epoch seconds on Keycloak's clock, accurate to a day. Dormancy
 * is counted in days, so the stamp is rewritten at most once a day per account: each write is a database update and
 * a cluster-wide invalidation of the cached user, which stock Keycloak does not pay on a sign-in.
 */
public final class LastSignIn {

    public static final String ATTRIBUTE = "hipaa.lastSignInAt";
    static final long RESOLUTION_SECONDS = 24 * 60 * 60;

    private LastSignIn() {
    }

    public static OptionalLong of(UserModel user) {
        return parse(user.getFirstAttribute(ATTRIBUTE));
    }

    /**
     * Whether a sign-in at `now` must rewrite a stamp of `stored`: none yet, garbled, a day old or more, or ahead of
     * the clock (a stamp from the future would hide a dormant account).
     */
    static boolean needsStamp(String stored, long now) {
        OptionalLong last = parse(stored);
        return last.isEmpty() || now - last.getAsLong() >= RESOLUTION_SECONDS || last.getAsLong() > now;
    }

    private static OptionalLong parse(String value) {
        try {
            return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException garbled) {
            return OptionalLong.empty();
        }
    }
}

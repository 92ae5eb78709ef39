package org.hipaaiam.lifecycle.dormant;

import java.util.OptionalLong;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.hipaaiam.lifecycle.hrfeed.Refusal;

/** When the account last signed in (user attribute, epoch seconds on Keycloak's clock), and the realm's dormancy limit. */
public final class LastSignIn {

    public static final String ATTRIBUTE = "hipaa.lastSignInAt";
    /** Days without a sign-in after which an account is dormant. */
    public static final String DORMANT_DAYS = "hipaa.dormant.days";
    static final int DEFAULT_DORMANT_DAYS = 90;

    private LastSignIn() {
    }

    public static OptionalLong of(UserModel user) {
        String value = user.getFirstAttribute(ATTRIBUTE);
        try {
            return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException garbled) {
            return OptionalLong.empty();
        }
    }

    public static int dormantDays(RealmModel realm) {
        return dormantDays(realm.getAttribute(DORMANT_DAYS));
    }

    static int dormantDays(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT_DORMANT_DAYS;
        }
        try {
            int days = Integer.parseInt(configured.trim());
            if (days > 0) {
                return days;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new Refusal(Refusal.Reason.NOT_CONFIGURED, "realm attribute " + DORMANT_DAYS + " must be a positive number of days");
    }
}

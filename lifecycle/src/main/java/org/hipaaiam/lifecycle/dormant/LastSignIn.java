package org.hipaaiam.lifecycle.dormant;

import java.util.OptionalLong;
import org.keycloak.models.UserModel;

/** When the account last signed in: a user attribute, epoch seconds on Keycloak's clock. */
public final class LastSignIn {

    public static final String ATTRIBUTE = "hipaa.lastSignInAt";

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
}

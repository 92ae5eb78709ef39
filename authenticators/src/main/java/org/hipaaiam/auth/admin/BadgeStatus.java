package org.hipaaiam.auth.admin;

import org.hipaaiam.auth.badge.BadgeDirectory;
import org.hipaaiam.auth.pin.PinCredential;
import org.hipaaiam.auth.pin.PinPolicy;
import org.keycloak.models.UserModel;

/** A user's badge and PIN as the admin API shows them: whether each is there, never what it is. */
public record BadgeStatus(String userId, boolean badgeEnrolled, long revokedBadges, boolean pinSet, boolean pinLocked) {

    static BadgeStatus of(UserModel user, PinPolicy policy) {
        return new BadgeStatus(user.getId(), BadgeDirectory.hasBadge(user), user.getAttributeStream(BadgeDirectory.REVOKED).count(),
                PinCredential.isSet(user), PinCredential.isLocked(user, policy));
    }
}

package org.hipaaiam.auth.badge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hipaaiam.core.account.AccountKind;
import org.hipaaiam.core.account.PrivilegedRoles;
import org.hipaaiam.core.settings.RealmSettings;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Who holds which badge. A badge is an identifier, not an authenticator (NIST SP 800-63B), so it lives in
 * user attributes, not in credentials: {@value #BADGE} holds the keyed hash of the user's current badge (one at
 * most, looked up through the indexed attribute table in one query per tap), {@value #REVOKED} keeps the hashes
 * of the user's revoked badges so a lost badge is never accepted or assigned again.
 */
public final class BadgeDirectory {

    public static final String BADGE = "hipaaBadgeHmac";
    public static final String REVOKED = "hipaaBadgeRevoked";
    public static final String ENROLLED_AT = "hipaaBadgeEnrolledAt";

    /** Why a badge cannot be assigned; the caller turns it into a refusal without naming the other holder. */
    public enum Conflict { HELD_BY_ANOTHER_USER, REVOKED, ACCOUNT_NOT_ELIGIBLE }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final BadgeKey key;

    public BadgeDirectory(KeycloakSession session, RealmModel realm, BadgeKey key) {
        this.session = session;
        this.realm = realm;
        this.key = key;
    }

    /** The enabled or disabled user currently holding this badge; empty for unknown and revoked badges. */
    public Optional<UserModel> holderOf(BadgeNumber badge) {
        return usersWith(BADGE, key.hash(badge)).stream().findFirst();
    }

    public boolean isRevoked(BadgeNumber badge) {
        return !usersWith(REVOKED, key.hash(badge)).isEmpty();
    }

    /**
     * Only a person's everyday account signs in with a badge: badge + PIN is a single factor at a workstation, so
     * `adm-` accounts, holders of privileged roles (`hipaa.privilege.roles`, effective: composites and groups
     * count), service accounts and emergency or disaster-recovery accounts (password, rotated after use) never do.
     */
    public static boolean mayHoldBadge(KeycloakSession session, RealmModel realm, UserModel user) {
        return AccountKind.of(user) == AccountKind.WORKFORCE
                && !PrivilegedRoles.heldBy(realm, user, RealmSettings.of(session, realm).get(PrivilegedRoles.SETTING));
    }

    public static boolean hasBadge(UserModel user) {
        return user.getFirstAttribute(BADGE) != null;
    }

    /** Binds the badge to the user, replacing (and revoking) any badge the user had. Empty on success. */
    public Optional<Conflict> assign(UserModel user, BadgeNumber badge, long nowSeconds) {
        if (!mayHoldBadge(session, realm, user)) {
            return Optional.of(Conflict.ACCOUNT_NOT_ELIGIBLE);
        }
        if (isRevoked(badge)) {
            return Optional.of(Conflict.REVOKED);
        }
        Optional<UserModel> holder = holderOf(badge);
        if (holder.isPresent()) {
            return holder.get().getId().equals(user.getId()) ? Optional.empty() : Optional.of(Conflict.HELD_BY_ANOTHER_USER);
        }
        revoke(user);
        user.setSingleAttribute(BADGE, key.hash(badge));
        user.setSingleAttribute(ENROLLED_AT, Long.toString(nowSeconds));
        return Optional.empty();
    }

    /** Revokes the user's current badge, keeping its hash on record. False when the user had none. */
    public static boolean revoke(UserModel user) {
        String current = user.getFirstAttribute(BADGE);
        if (current == null) {
            return false;
        }
        List<String> revoked = new ArrayList<>(user.getAttributeStream(REVOKED).toList());
        revoked.add(current);
        user.setAttribute(REVOKED, revoked);
        user.removeAttribute(BADGE);
        user.removeAttribute(ENROLLED_AT);
        return true;
    }

    private List<UserModel> usersWith(String attribute, String hash) {
        return session.users().searchForUserByUserAttributeStream(realm, attribute, hash).toList();
    }
}

package org.hipaaiam.core.account;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.hipaaiam.core.settings.Setting;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * The roles that make an account privileged: realm roles, and roles of the realm's `realm-management` client, by
 * name, and every role that carries one of them as a composite. Only `adm-` accounts may hold them (lifecycle's
 * guard), no privileged account signs in with a badge, and only realm administrators change their credentials.
 */
public final class PrivilegedRoles {

    public static final Setting<List<String>> SETTING = Setting.list("hipaa.privilege.roles",
            "iam-admin,realm-admin,manage-users,manage-realm,manage-clients,manage-authorization");

    private PrivilegedRoles() {
    }

    /** Whether the user holds one of `names`, directly, through a composite or through a group. */
    public static boolean heldBy(RealmModel realm, UserModel user, List<String> names) {
        return models(realm, names).stream().anyMatch(user::hasRole);
    }

    /** The realm's roles that `names` name: realm roles and `realm-management` roles of that name. */
    public static List<RoleModel> models(RealmModel realm, List<String> names) {
        ClientModel realmManagement = realmManagement(realm);
        return names.stream()
                .flatMap(name -> Stream.of(realm.getRole(name), realmManagement == null ? null : realmManagement.getRole(name)))
                .filter(Objects::nonNull)
                .toList();
    }

    /** Whether `role` is one of `privileged` or contains one through its composites, however deep. */
    public static boolean carriedBy(RoleModel role, List<RoleModel> privileged) {
        return privileged.stream().anyMatch(role::hasRole);
    }

    /**
     * A privileged account: an `adm-` account, or one that holds a role of `names` or any `realm-management` role
     * (directly, through a composite or a group). A change to its credentials or roles is a change of who administers.
     */
    public static boolean isPrivilegedAccount(RealmModel realm, UserModel user, List<String> names) {
        if (AccountKind.of(user) == AccountKind.PRIVILEGED || heldBy(realm, user, names)) {
            return true;
        }
        ClientModel realmManagement = realmManagement(realm);
        return realmManagement != null && realmManagement.getRolesStream().anyMatch(user::hasRole);
    }

    private static ClientModel realmManagement(RealmModel realm) {
        return realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
    }
}

package org.hipaaiam.core.account;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.hipaaiam.core.settings.Setting;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The roles that make an account privileged: realm roles, and roles of the realm's `realm-management` client, by
 * name. Only `adm-` accounts may hold them (lifecycle's guard), and no privileged account signs in with a badge.
 */
public final class PrivilegedRoles {

    public static final Setting<List<String>> SETTING = Setting.list("hipaa.privilege.roles",
            "iam-admin,realm-admin,manage-users,manage-realm,manage-clients,manage-authorization");

    private PrivilegedRoles() {
    }

    /** Whether the user holds one of `names`, directly, through a composite or through a group. */
    public static boolean heldBy(RealmModel realm, UserModel user, List<String> names) {
        ClientModel realmManagement = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        return names.stream()
                .flatMap(name -> Stream.of(realm.getRole(name), realmManagement == null ? null : realmManagement.getRole(name)))
                .filter(Objects::nonNull)
                .anyMatch(user::hasRole);
    }
}

package org.hipaaiam.lifecycle.privilege;

import java.util.Set;
import org.hipaaiam.core.account.AccountKind;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.lifecycle.LifecycleSettings;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Which roles are privileged (realm attribute `hipaa.privilege.roles`, comma-separated) and who may hold them:
 * only `adm-` accounts, so every privileged action traces to a dedicated, separately credentialed account, and
 * the service account of the opt-in SCIM client, whose token the admin-API guard accepts on SCIM only.
 */
public record PrivilegedRolePolicy(Set<String> privilegedRoles) {

    /** The opt-in SCIM client, whose service account manages users; absent from the shipped realm (docs/lifecycle.md). */
    public static final String SCIM_CLIENT_ID = "hr-scim";
    /** The error of every refused or reverted privileged role grant, in answers and audit records. */
    public static final String REFUSED = "privileged_role_refused";
    public static final String REASON = "privileged roles are held only by adm- accounts";
    /** Audit details of a refusal: the privileged role, and the group that carries it. */
    public static final String DETAIL_ROLE = AuditDetails.ROLE;
    public static final String DETAIL_GROUP = "group";

    public static PrivilegedRolePolicy of(RealmSettings settings) {
        return new PrivilegedRolePolicy(Set.copyOf(settings.get(LifecycleSettings.PRIVILEGED_ROLES)));
    }

    public boolean isPrivileged(String roleName) {
        return privilegedRoles.contains(roleName);
    }

    public boolean mayHoldPrivilegedRoles(String username) {
        return username != null && username.startsWith(AccountKind.PRIVILEGED_PREFIX);
    }

    /** An `adm-` account, or the SCIM client's own service account (SCIM needs user management over all users). */
    public boolean mayHoldPrivilegedRoles(RealmModel realm, UserModel user) {
        if (mayHoldPrivilegedRoles(user.getUsername())) {
            return true;
        }
        ClientModel scimClient = realm.getClientByClientId(SCIM_CLIENT_ID);
        return scimClient != null && scimClient.getId().equals(user.getServiceAccountClientLink());
    }
}

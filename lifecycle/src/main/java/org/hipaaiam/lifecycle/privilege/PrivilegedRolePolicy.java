package org.hipaaiam.lifecycle.privilege;

import java.util.Set;
import org.hipaaiam.core.account.AccountKind;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.lifecycle.LifecycleSettings;

/**
 * Which roles are privileged (realm attribute `hipaa.privilege.roles`, comma-separated) and who may hold them:
 * only `adm-` accounts, so every privileged action traces to a dedicated, separately credentialed account.
 */
public record PrivilegedRolePolicy(Set<String> privilegedRoles) {

    public static PrivilegedRolePolicy of(RealmSettings settings) {
        return new PrivilegedRolePolicy(Set.copyOf(settings.get(LifecycleSettings.PRIVILEGED_ROLES)));
    }

    public boolean isPrivileged(String roleName) {
        return privilegedRoles.contains(roleName);
    }

    public boolean mayHoldPrivilegedRoles(String username) {
        return username != null && username.startsWith(AccountKind.PRIVILEGED_PREFIX);
    }
}

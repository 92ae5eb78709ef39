package org.hipaaiam.lifecycle.privilege;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which roles are privileged (realm attribute `hipaa.privilegedRoles`, comma-separated) and who may hold them:
 * only `adm-` accounts, so every privileged action traces to a dedicated, separately credentialed account.
 */
public record PrivilegedRolePolicy(Set<String> privilegedRoles) {

    public static final String PRIVILEGED_ROLES = "hipaa.privilegedRoles";
    public static final String PRIVILEGED_ACCOUNT_PREFIX = "adm-";

    static final String DEFAULT_PRIVILEGED_ROLES = "iam-admin,realm-admin,manage-users,manage-realm,manage-clients,manage-authorization";

    public static PrivilegedRolePolicy from(Map<String, String> realmAttributes) {
        return new PrivilegedRolePolicy(Arrays.stream(realmAttributes.getOrDefault(PRIVILEGED_ROLES, DEFAULT_PRIVILEGED_ROLES).split(","))
                .map(String::trim).filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean isPrivileged(String roleName) {
        return privilegedRoles.contains(roleName);
    }

    public boolean mayHoldPrivilegedRoles(String username) {
        return username != null && username.startsWith(PRIVILEGED_ACCOUNT_PREFIX);
    }
}

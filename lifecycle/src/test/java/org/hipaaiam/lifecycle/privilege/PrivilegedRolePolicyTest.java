package org.hipaaiam.lifecycle.privilege;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.hipaaiam.core.settings.RealmSettings;
import org.junit.jupiter.api.Test;

class PrivilegedRolePolicyTest {

    private static PrivilegedRolePolicy policy(Map<String, String> realmAttributes) {
        return PrivilegedRolePolicy.of(RealmSettings.of(realmAttributes, (setting, configured, problem) -> { }));
    }

    @Test
    void defaultListCoversIamAdminAndRealmManagementRoles() {
        PrivilegedRolePolicy policy = policy(Map.of());
        for (String role : new String[] {"iam-admin", "realm-admin", "manage-users", "manage-realm", "manage-clients", "manage-authorization"}) {
            assertTrue(policy.isPrivileged(role), role);
        }
        assertFalse(policy.isPrivileged("clinician"));
        assertFalse(policy.isPrivileged("view-users"));
    }

    @Test
    void realmAttributeReplacesTheDefaultList() {
        PrivilegedRolePolicy policy = policy(Map.of("hipaa.privilege.roles", " pharmacy-admin , ,iam-admin"));
        assertTrue(policy.isPrivileged("pharmacy-admin"));
        assertTrue(policy.isPrivileged("iam-admin"));
        assertFalse(policy.isPrivileged("realm-admin"));
    }

    @Test
    void onlyAdmAccountsMayHoldPrivilegedRoles() {
        PrivilegedRolePolicy policy = policy(Map.of());
        assertTrue(policy.mayHoldPrivilegedRoles("adm-jsmith4821"));
        assertFalse(policy.mayHoldPrivilegedRoles("jsmith4821"));
        assertFalse(policy.mayHoldPrivilegedRoles("svc-adm-sync"));
        assertFalse(policy.mayHoldPrivilegedRoles("ADM-jsmith4821"));
        assertFalse(policy.mayHoldPrivilegedRoles(null));
    }
}

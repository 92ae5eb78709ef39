package org.hipaaiam.lifecycle.privilege;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivilegedRolePolicyTest {

    @Test
    void defaultListCoversIamAdminAndRealmManagementRoles() {
        PrivilegedRolePolicy policy = PrivilegedRolePolicy.from(Map.of());
        for (String role : new String[] {"iam-admin", "realm-admin", "manage-users", "manage-realm", "manage-clients", "manage-authorization"}) {
            assertTrue(policy.isPrivileged(role), role);
        }
        assertFalse(policy.isPrivileged("clinician"));
        assertFalse(policy.isPrivileged("view-users"));
    }

    @Test
    void realmAttributeReplacesTheDefaultList() {
        PrivilegedRolePolicy policy = PrivilegedRolePolicy.from(Map.of(PrivilegedRolePolicy.PRIVILEGED_ROLES, " pharmacy-admin , ,iam-admin"));
        assertTrue(policy.isPrivileged("pharmacy-admin"));
        assertTrue(policy.isPrivileged("iam-admin"));
        assertFalse(policy.isPrivileged("realm-admin"));
    }

    @Test
    void onlyAdmAccountsMayHoldPrivilegedRoles() {
        PrivilegedRolePolicy policy = PrivilegedRolePolicy.from(Map.of());
        assertTrue(policy.mayHoldPrivilegedRoles("adm-jsmith4821"));
        assertFalse(policy.mayHoldPrivilegedRoles("jsmith4821"));
        assertFalse(policy.mayHoldPrivilegedRoles("svc-adm-sync"));
        assertFalse(policy.mayHoldPrivilegedRoles("ADM-jsmith4821"));
        assertFalse(policy.mayHoldPrivilegedRoles(null));
    }
}

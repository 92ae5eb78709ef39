package org.hipaaiam.lifecycle.privilege;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

class RoleGrantEventsTest {

    @Test
    void roleMappingsAndGroupJoinsNameTheGrantee() {
        assertEquals(Optional.of("u-1"), RoleGrantEvents.grantee(event(ResourceType.REALM_ROLE_MAPPING, OperationType.CREATE, "users/u-1/role-mappings/realm")));
        assertEquals(Optional.of("u-2"), RoleGrantEvents.grantee(event(ResourceType.CLIENT_ROLE_MAPPING, OperationType.CREATE, "users/u-2/role-mappings/clients/c-1")));
        assertEquals(Optional.of("u-3"), RoleGrantEvents.grantee(event(ResourceType.GROUP_MEMBERSHIP, OperationType.CREATE, "users/u-3/groups/g-1")));
    }

    @Test
    void roleMappingsOnAGroupNameTheGroup() {
        assertEquals(Optional.of("g-1"), RoleGrantEvents.groupGrantee(event(ResourceType.REALM_ROLE_MAPPING, OperationType.CREATE, "groups/g-1/role-mappings/realm")));
        assertEquals(Optional.of("g-2"), RoleGrantEvents.groupGrantee(event(ResourceType.CLIENT_ROLE_MAPPING, OperationType.CREATE, "groups/g-2/role-mappings/clients/c-1")));
        assertTrue(RoleGrantEvents.groupGrantee(event(ResourceType.REALM_ROLE_MAPPING, OperationType.DELETE, "groups/g-1/role-mappings/realm")).isEmpty());
        assertTrue(RoleGrantEvents.groupGrantee(event(ResourceType.REALM_ROLE_MAPPING, OperationType.CREATE, "users/u-1/role-mappings/realm")).isEmpty());
        assertTrue(RoleGrantEvents.groupGrantee(event(ResourceType.GROUP, OperationType.CREATE, "groups/g-1/children")).isEmpty());
    }

    @Test
    void rolesAddedToACompositeNameTheComposite() {
        assertEquals(Optional.of(new RoleGrantEvents.CompositeRole(null, "clinician", null)),
                RoleGrantEvents.compositeGrantee(event(ResourceType.REALM_ROLE, OperationType.CREATE, "roles/clinician/composites")));
        assertEquals(Optional.of(new RoleGrantEvents.CompositeRole(null, null, "r-1")),
                RoleGrantEvents.compositeGrantee(event(ResourceType.REALM_ROLE, OperationType.CREATE, "roles-by-id/r-1/composites")));
        assertEquals(Optional.of(new RoleGrantEvents.CompositeRole("c-1", "operator", null)),
                RoleGrantEvents.compositeGrantee(event(ResourceType.CLIENT_ROLE, OperationType.CREATE, "clients/c-1/roles/operator/composites")));
        assertTrue(RoleGrantEvents.compositeGrantee(event(ResourceType.REALM_ROLE, OperationType.DELETE, "roles/clinician/composites")).isEmpty());
        assertTrue(RoleGrantEvents.compositeGrantee(event(ResourceType.REALM_ROLE, OperationType.CREATE, "roles")).isEmpty());
        assertTrue(RoleGrantEvents.compositeGrantee(event(ResourceType.REALM_ROLE_MAPPING, OperationType.CREATE, "users/u-1/role-mappings/realm")).isEmpty());
    }

    @Test
    void removalsGroupMappingsAndFailuresAreNotGrants() {
        assertTrue(RoleGrantEvents.grantee(event(ResourceType.REALM_ROLE_MAPPING, OperationType.DELETE, "users/u-1/role-mappings/realm")).isEmpty());
        assertTrue(RoleGrantEvents.grantee(event(ResourceType.REALM_ROLE_MAPPING, OperationType.CREATE, "groups/g-1/role-mappings/realm")).isEmpty());
        assertTrue(RoleGrantEvents.grantee(event(ResourceType.USER, OperationType.CREATE, "users/u-1")).isEmpty());
        AdminEvent failed = event(ResourceType.REALM_ROLE_MAPPING, OperationType.CREATE, "users/u-1/role-mappings/realm");
        failed.setError("forbidden");
        assertTrue(RoleGrantEvents.grantee(failed).isEmpty());
    }

    @Test
    void userIdNeedsAUsersPathWithMoreAfterTheId() {
        assertEquals(Optional.empty(), RoleGrantEvents.userIdIn("users/u-1"));
        assertEquals(Optional.empty(), RoleGrantEvents.userIdIn("users//groups/g"));
        assertEquals(Optional.empty(), RoleGrantEvents.userIdIn(null));
    }

    private static AdminEvent event(ResourceType resource, OperationType operation, String path) {
        AdminEvent event = new AdminEvent();
        event.setResourceType(resource);
        event.setOperationType(operation);
        event.setResourcePath(path);
        return event;
    }
}

package org.hipaaiam.lifecycle.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

class ScimUsernameGuardTest {

    @Test
    void onlyUsersCreatedThroughScimAreChecked() {
        assertEquals(Optional.of("u-1"), ScimUsernameGuardListenerFactory.scimCreatedUserId(
                event(OperationType.CREATE, ResourceType.USER, "realms/hipaa/scim/v2/Users/u-1")));
        assertTrue(ScimUsernameGuardListenerFactory.scimCreatedUserId(event(OperationType.CREATE, ResourceType.USER, "users/u-1")).isEmpty(),
                "the admin API runs the user-profile validators itself");
        assertTrue(ScimUsernameGuardListenerFactory.scimCreatedUserId(
                event(OperationType.UPDATE, ResourceType.USER, "realms/hipaa/scim/v2/Users/u-1")).isEmpty());
        assertTrue(ScimUsernameGuardListenerFactory.scimCreatedUserId(
                event(OperationType.CREATE, ResourceType.GROUP, "realms/hipaa/scim/v2/Groups/g-1")).isEmpty());
    }

    private static AdminEvent event(OperationType operation, ResourceType resource, String path) {
        AdminEvent event = new AdminEvent();
        event.setOperationType(operation);
        event.setResourceType(resource);
        event.setResourcePath(path);
        return event;
    }
}

package org.hipaaiam.lifecycle.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.junit.jupiter.api.Test;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

class DisabledAccountEventsTest {

    @Test
    void adminApiUserUpdateIsACandidate() {
        assertEquals(Optional.of(new DisabledAccountEvents.Candidate("u-1", DisableTrigger.ADMIN_API)),
                DisabledAccountEvents.candidate(event(ResourceType.USER, OperationType.UPDATE, "users/u-1", null)));
    }

    @Test
    void scimPatchIsACandidateTracedToScim() {
        assertEquals(Optional.of(new DisabledAccountEvents.Candidate("u-2", DisableTrigger.SCIM)),
                DisabledAccountEvents.candidate(event(ResourceType.USER, OperationType.UPDATE, "realms/hipaa/scim/v2/Users/u-2", null)));
    }

    @Test
    void lifecycleUpdatesAreLeftToTheCodeThatMadeThem() {
        for (String source : new String[] {"hr-feed", "roster-reconciliation", "dormant-account"}) {
            assertTrue(DisabledAccountEvents.candidate(event(ResourceType.USER, OperationType.UPDATE, "users/u-3",
                    Map.of(AuditDetails.SOURCE, source))).isEmpty(), source);
        }
        assertEquals(Optional.of(new DisabledAccountEvents.Candidate("u-3", DisableTrigger.ADMIN_API)),
                DisabledAccountEvents.candidate(event(ResourceType.USER, OperationType.UPDATE, "users/u-3",
                        Map.of(AuditDetails.SOURCE, "someone-else"))), "other sources are not trusted to have revoked");
    }

    @Test
    void otherChangesAreNotCandidates() {
        assertTrue(DisabledAccountEvents.candidate(event(ResourceType.USER, OperationType.CREATE, "users/u-4", null)).isEmpty());
        assertTrue(DisabledAccountEvents.candidate(event(ResourceType.USER, OperationType.ACTION, "users/u-4/reset-password", null)).isEmpty());
        assertTrue(DisabledAccountEvents.candidate(event(ResourceType.CLIENT, OperationType.UPDATE, "clients/c-1", null)).isEmpty());
        assertTrue(DisabledAccountEvents.candidate(event(ResourceType.USER, OperationType.UPDATE, "users/u-4/groups/g-1", null)).isEmpty());
    }

    @Test
    void failedUpdatesAreNotCandidates() {
        AdminEvent failed = event(ResourceType.USER, OperationType.UPDATE, "users/u-5", null);
        failed.setError("forbidden");
        assertTrue(DisabledAccountEvents.candidate(failed).isEmpty());
    }

    @Test
    void userIdIsTheSegmentAfterUsers() {
        assertEquals(Optional.of("abc"), DisabledAccountEvents.userIdIn("users/abc"));
        assertEquals(Optional.empty(), DisabledAccountEvents.userIdIn("users/"));
        assertEquals(Optional.empty(), DisabledAccountEvents.userIdIn("abc"));
        assertEquals(Optional.empty(), DisabledAccountEvents.userIdIn(null));
    }

    private static AdminEvent event(ResourceType resource, OperationType operation, String path, Map<String, String> details) {
        AdminEvent event = new AdminEvent();
        event.setResourceType(resource);
        event.setOperationType(operation);
        event.setResourcePath(path);
        event.setDetails(details);
        return event;
    }
}

package org.hipaaiam.lifecycle.revocation;

import java.util.Map;
import java.util.Optional;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

/**
 * Which admin events may have disabled an account: a USER update through the admin REST API (`users/{id}`)
 * or SCIM (`.../scim/v2/Users/{id}`). The lifecycle module's own updates (detail `source` naming one of its
 * triggers, e.g. `hr-feed`, see {@link AccountChanges}) are left out: they end sessions themselves and report the
 * counts. The caller still checks that the account is disabled now.
 */
public final class DisabledAccountEvents {

    public record Candidate(String userId, DisableTrigger trigger) {
    }

    private DisabledAccountEvents() {
    }

    public static Optional<Candidate> candidate(AdminEvent event) {
        if (event.getResourceType() != ResourceType.USER || event.getOperationType() != OperationType.UPDATE
                || event.getError() != null || isFromLifecycle(event.getDetails())) {
            return Optional.empty();
        }
        DisableTrigger trigger = event.getResourcePath().toLowerCase().contains("scim/") ? DisableTrigger.SCIM : DisableTrigger.ADMIN_API;
        return userIdIn(event.getResourcePath()).map(userId -> new Candidate(userId, trigger));
    }

    /** The segment after the last `users` segment (any case), if nothing but the id follows it. */
    public static Optional<String> userIdIn(String resourcePath) {
        if (resourcePath == null) {
            return Optional.empty();
        }
        String[] segments = resourcePath.split("/");
        int last = segments.length - 1;
        if (last < 1 || segments[last].isEmpty() || !"users".equalsIgnoreCase(segments[last - 1])) {
            return Optional.empty();
        }
        return Optional.of(segments[last]);
    }

    private static boolean isFromLifecycle(Map<String, String> details) {
        return details != null && DisableTrigger.isLabel(details.get(AuditDetails.SOURCE));
    }
}

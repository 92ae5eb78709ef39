package org.hipaaiam.lifecycle.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hipaaiam.lifecycle.evidence.LatencySummary;
import org.hipaaiam.lifecycle.hrfeed.SeparationRecords;
import org.keycloak.models.AdminRoles;

/**
 * `GET /realms/{realm}/hr-feed/evidence`: how fast separations ended access, against the 1-hour target, for the
 * HR system and for callers of the HR feed who may view users (auditors given a token for the HR feed).
 */
public final class EvidenceResource {

    /** The reference hospital's rule (and HHS's 2024 proposed rule): access ends within 1 hour of separation. */
    static final long SEPARATION_TARGET_SECONDS = 3600;

    private final LifecycleApi feed;

    EvidenceResource(LifecycleApi feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response separationLatency() {
        return feed.answer("evidence", caller -> {
            if (!HrSystem.is(caller)) {
                caller.requireRealmManagementRole(AdminRoles.VIEW_USERS);
            }
            SeparationRecords.Latencies latencies = SeparationRecords.latencies(feed.session, feed.realm);
            return LatencySummary.of(latencies.seconds(), latencies.unreadable(), SEPARATION_TARGET_SECONDS);
        });
    }
}

package org.hipaaiam.lifecycle.api;

import jakarta.ws.rs.Path;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.keycloak.models.KeycloakSession;

/**
 * The HR feed at `/realms/{realm}/hr-feed/`: `POST separations`, `POST leaves` and `POST roster` from the HR
 * system (a token for the HR feed, the realm role `hr-feed`, an HMAC signature over timestamp and body), `GET
 * evidence` for auditors. Every refusal answers `{"error": code, "reason": text}`, changes nothing and is audited.
 */
public final class HrFeedResource {

    private final LifecycleApi feed;

    HrFeedResource(KeycloakSession session) {
        this.feed = new LifecycleApi(session, BundleApi.HR_FEED);
    }

    @Path("separations")
    public HrNoticeResource separations() {
        return new HrNoticeResource(feed, HrNotice.SEPARATION);
    }

    @Path("leaves")
    public HrNoticeResource leaves() {
        return new HrNoticeResource(feed, HrNotice.LEAVE);
    }

    @Path("roster")
    public RosterResource roster() {
        return new RosterResource(feed);
    }

    @Path("evidence")
    public EvidenceResource evidence() {
        return new EvidenceResource(feed);
    }
}

package org.hipaaiam.lifecycle.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.hipaaiam.core.signature.SignatureHeader;
import org.hipaaiam.lifecycle.revocation.AccountChanges;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * `POST /realms/{realm}/hr-feed/separations` and `POST .../leaves`: a notice from the HR system, applied once to
 * every account of the employee; the notices themselves are read and applied by {@link org.hipaaiam.lifecycle.hrfeed.HrEvents}.
 */
public record HrNoticeResource(LifecycleApi feed, String path, Kind kind) {

    /** How one kind of notice is read and applied. */
    interface Kind {
        Object apply(KeycloakSession session, RealmModel realm, byte[] notice, Instant now, AccountChanges changes);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response report(@HeaderParam(SignatureHeader.NAME) String signature, byte[] body) {
        return HrSystem.call(feed, path, signature, body, (caller, now, notice) -> kind.apply(feed.session, feed.realm, notice, now,
                new AccountChanges(caller::adminEvent)));
    }
}

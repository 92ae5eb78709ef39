package org.hipaaiam.lifecycle.api;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hipaaiam.core.signature.SignatureHeader;
import org.hipaaiam.lifecycle.revocation.AccountChanges;

/**
 * `POST /realms/{realm}/hr-feed/separations` and `POST .../leaves`: a notice from the HR system, applied once to
 * every account of the employee.
 */
public final class HrNoticeResource {

    private final LifecycleApi feed;
    private final HrNotice notice;

    HrNoticeResource(LifecycleApi feed, HrNotice notice) {
        this.feed = feed;
        this.notice = notice;
    }

    /** The notice's outcome for every account of the employee; a refused notice changes nothing. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response report(@HeaderParam(SignatureHeader.NAME) String signature, byte[] body) {
        return HrSystem.call(feed, notice.path(), signature, body, (caller, now, signed) -> notice.apply(feed.session, feed.realm, signed, now,
                new AccountChanges(caller::adminEvent)));
    }
}

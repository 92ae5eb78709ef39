package org.hipaaiam.lifecycle.hrfeed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipaaiam.events.alert.WebhookSignature;
import org.hipaaiam.lifecycle.evidence.LatencySummary;
import org.hipaaiam.lifecycle.revocation.DisableTrigger;
import org.hipaaiam.lifecycle.roster.ActiveRoster;
import org.hipaaiam.lifecycle.roster.RosterDiff;
import org.hipaaiam.lifecycle.revocation.DisabledAccountEvents;
import org.hipaaiam.lifecycle.revocation.Revocation;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * The HR system's endpoints under `/realms/{realm}/hr-feed/`: `POST separations`, `POST roster`, and
 * `GET evidence` for auditors. HR calls need a bearer token of a service account holding the `hr-feed` role
 * and a valid HMAC signature over timestamp and body. Every refusal answers `{"error": code, "reason": text}`,
 * changes nothing and is audited.
 */
public final class HrFeedResource {

    /** The reference hospital's rule (and HHS's 2024 proposed rule): access ends within 1 hour of separation. */
    static final long SEPARATION_TARGET_SECONDS = 3600;

    private final KeycloakSession session;

    HrFeedResource(KeycloakSession session) {
        this.session = session;
    }

    @POST
    @Path("separations")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reportSeparation(@HeaderParam(WebhookSignature.HEADER) String signature, byte[] body) {
        RealmModel realm = session.getContext().getRealm();
        AuthResult caller = null;
        String eventId = null;
        try {
            caller = authenticate(realm);
            requireCallerRole(realm, caller);
            Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
            verifySignature(realm, signature, body, now);
            SeparationNotice notice = SeparationNotice.parse(body, now);
            eventId = notice.eventId();
            if (SeparationRecords.alreadyReceived(session, realm, eventId)) {
                throw new Refusal(Refusal.Reason.REPLAYED_EVENT, "event " + eventId + " was already received");
            }
            List<UserModel> accounts = SeparationRecords.accountsOf(session, realm, notice.employeeNumber());
            if (accounts.isEmpty()) {
                throw new Refusal(Refusal.Reason.UNKNOWN_EMPLOYEE, "no account has employeeNumber " + notice.employeeNumber());
            }
            return Response.ok(notice.isDueAt(now) ? separateNow(realm, caller, notice, accounts) : schedule(realm, caller, notice, accounts))
                    .build();
        } catch (Refusal refusal) {
            return refused(realm, caller, eventId, refusal);
        }
    }

    /**
     * `POST /realms/{realm}/hr-feed/roster`: HR's active roster, signed like a separation. Answers which enabled
     * accounts HR no longer lists (`orphaned`) and which listed employees have no account (`missing`). Read-only:
     * an orphaned account is a separation to report, not one to guess.
     */
    @POST
    @Path("roster")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reconcileRoster(@HeaderParam(WebhookSignature.HEADER) String signature, byte[] body) {
        RealmModel realm = session.getContext().getRealm();
        AuthResult caller = null;
        try {
            caller = authenticate(realm);
            requireCallerRole(realm, caller);
            verifySignature(realm, signature, body, Instant.ofEpochMilli(Time.currentTimeMillis()));
            ActiveRoster roster = ActiveRoster.parse(body);
            List<RosterDiff.Account> enabled = session.users().searchForUserStream(realm, Map.of())
                    .filter(UserModel::isEnabled)
                    .filter(user -> user.getFirstAttribute(SeparationRecords.EMPLOYEE_NUMBER) != null)
                    .map(user -> new RosterDiff.Account(user.getUsername(), user.getFirstAttribute(SeparationRecords.EMPLOYEE_NUMBER)))
                    .toList();
            RosterDiff diff = RosterDiff.of(roster.employeeNumbers(), enabled);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("rosterId", roster.rosterId());
            answer.put("orphaned", diff.orphaned());
            answer.put("missing", diff.missing());
            return Response.ok(answer).build();
        } catch (Refusal refusal) {
            return refused(realm, caller, null, refusal);
        }
    }

    /**
     * `GET /realms/{realm}/hr-feed/evidence`: how fast separations ended access, against the 1-hour target.
     * For anyone who may view users (privacy officers, IAM admins, the HR system).
     */
    @GET
    @Path("evidence")
    @Produces(MediaType.APPLICATION_JSON)
    public Response separationEvidence() {
        RealmModel realm = session.getContext().getRealm();
        AuthResult caller = null;
        try {
            caller = authenticate(realm);
            ClientModel realmManagement = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
            RoleModel viewUsers = realmManagement == null ? null : realmManagement.getRole(AdminRoles.VIEW_USERS);
            if (viewUsers == null || !caller.user().hasRole(viewUsers)) {
                throw new Refusal(Refusal.Reason.FORBIDDEN, "the caller may not view users");
            }
            return Response.ok(LatencySummary.of(SeparationRecords.latencySeconds(session, realm), SEPARATION_TARGET_SECONDS)).build();
        } catch (Refusal refusal) {
            return refused(realm, caller, null, refusal);
        }
    }

    private Response refused(RealmModel realm, AuthResult caller, String eventId, Refusal refusal) {
        audit(realm, caller, eventId, refusal);
        return Response.status(refusal.reason().status())
                .type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", refusal.reason().code(), "reason", refusal.getMessage()))
                .build();
    }

    private AuthResult authenticate(RealmModel realm) {
        AuthResult caller = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
        if (caller == null) {
            throw new Refusal(Refusal.Reason.UNAUTHENTICATED, "a valid bearer token is required");
        }
        return caller;
    }

    private void verifySignature(RealmModel realm, String signature, byte[] body, Instant now) {
        HrFeedSettings settings = HrFeedSettings.of(session, realm);
        String secret = settings.signingSecret().orElseThrow(() -> new Refusal(Refusal.Reason.NOT_CONFIGURED,
                "realm attribute " + HrFeedSettings.SIGNING_SECRET + " is not set"));
        SignedRequest.verify(secret, signature, body, now.getEpochSecond(), settings.replayWindowSeconds());
    }

    private static void requireCallerRole(RealmModel realm, AuthResult caller) {
        RoleModel role = realm.getRole(HrFeedSettings.CALLER_ROLE);
        if (role == null || !caller.user().hasRole(role)) {
            throw new Refusal(Refusal.Reason.FORBIDDEN, "the caller lacks the realm role " + HrFeedSettings.CALLER_ROLE);
        }
    }

    private Map<String, Object> separateNow(RealmModel realm, AuthResult caller, SeparationNotice notice, List<UserModel> accounts) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (UserModel account : accounts) {
            adminEvent(realm, caller, account, notice, Map.of("enabled", false));
            Revocation revocation = AccountSeparation.apply(session, realm, account, notice.eventId(), notice.effectiveAt(),
                    DisableTrigger.HR_FEED);
            results.add(Map.of("username", account.getUsername(), "enabled", false,
                    "onlineSessionsEnded", revocation.onlineSessions(), "offlineSessionsEnded", revocation.offlineSessions()));
        }
        return answer(notice, "separated", results);
    }

    private Map<String, Object> schedule(RealmModel realm, AuthResult caller, SeparationNotice notice, List<UserModel> accounts) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (UserModel account : accounts) {
            SeparationRecords.schedule(account, notice);
            adminEvent(realm, caller, account, notice, Map.of("separationEffectiveAt", notice.effectiveAt().toString()));
            results.add(Map.of("username", account.getUsername(), "enabled", account.isEnabled()));
        }
        return answer(notice, "scheduled", results);
    }

    private static Map<String, Object> answer(SeparationNotice notice, String status, List<Map<String, Object>> accounts) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("eventId", notice.eventId());
        answer.put("status", status);
        answer.put("effectiveAt", notice.effectiveAt().toString());
        answer.put("accounts", accounts);
        return answer;
    }

    /** The change itself, as an admin event by the HR service account (the revocation is recorded separately). */
    private void adminEvent(RealmModel realm, AuthResult caller, UserModel account, SeparationNotice notice, Map<String, Object> change) {
        new AdminEventBuilder(realm, new AdminAuth(realm, caller.token(), caller.user(), caller.client()), session,
                session.getContext().getConnection())
                .operation(OperationType.UPDATE)
                .resource(ResourceType.USER)
                .resourcePath("users", account.getId())
                .representation(change)
                .detail(DisabledAccountEvents.SOURCE_DETAIL, DisableTrigger.HR_FEED.label())
                .detail(AccountSeparation.DETAIL_EVENT_ID, notice.eventId())
                .success();
    }

    private void audit(RealmModel realm, AuthResult caller, String eventId, Refusal refusal) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(refusal.reason().auditType())
                .detail(DisabledAccountEvents.SOURCE_DETAIL, DisableTrigger.HR_FEED.label())
                .detail("reason", refusal.getMessage());
        if (caller != null) {
            event.client(caller.client()).user(caller.user());
        }
        if (eventId != null) {
            event.detail(AccountSeparation.DETAIL_EVENT_ID, eventId);
        }
        event.error(refusal.reason().code());
    }
}

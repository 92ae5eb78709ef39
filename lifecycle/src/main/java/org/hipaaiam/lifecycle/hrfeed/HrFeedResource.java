package org.hipaaiam.lifecycle.hrfeed;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hipaaiam.events.alert.WebhookSignature;
import org.hipaaiam.lifecycle.dormant.DormantAccounts;
import org.hipaaiam.lifecycle.dormant.LastSignIn;
import org.hipaaiam.lifecycle.evidence.LatencySummary;
import org.hipaaiam.lifecycle.revocation.DisableTrigger;
import org.hipaaiam.lifecycle.revocation.DisabledAccountEvents;
import org.hipaaiam.lifecycle.revocation.Revocation;
import org.hipaaiam.lifecycle.revocation.SessionRevoker;
import org.hipaaiam.lifecycle.roster.ExemptionRule;
import org.hipaaiam.lifecycle.roster.Roster;
import org.hipaaiam.lifecycle.roster.RosterPlan;
import org.hipaaiam.lifecycle.roster.RosterReconciliation;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * The HR system's endpoints under `/realms/{realm}/hr-feed/`: `POST separations`, `POST leaves`, `POST roster`;
 * `GET evidence` for auditors; `GET`/`POST dormant` for IAM. HR calls need a bearer token of a service account holding the `hr-feed` role
 * and a valid HMAC signature over timestamp and body. Every refusal answers `{"error": code, "reason": text}`,
 * changes nothing and is audited.
 */
public final class HrFeedResource {

    /** The reference hospital's rule (and HHS's 2024 proposed rule): access ends within 1 hour of separation. */
    static final long SEPARATION_TARGET_SECONDS = 3600;
    static final String DETAIL_ROSTER_ID = "roster_id";
    static final String DETAIL_DISABLE_REASON = "disable_reason";
    private static final ObjectMapper JSON = new ObjectMapper();

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
            caller = verifiedHrCall(realm, signature, body);
            Instant now = now();
            SeparationNotice notice = SeparationNotice.parse(body, now);
            eventId = notice.eventId();
            List<UserModel> accounts = freshEventAccounts(realm, eventId, notice.employeeNumber());
            return Response.ok(notice.isDueAt(now) ? separateNow(realm, caller, notice, accounts) : schedule(realm, caller, notice, accounts))
                    .build();
        } catch (Refusal refusal) {
            return refused(realm, caller, eventId, refusal);
        }
    }

    /**
     * `POST /realms/{realm}/hr-feed/leaves`: a leave of absence starts (`action: suspend`, now or at `startsAt`,
     * until `endsAt` or a return) or the employee returns (`action: restore`). Signed, idempotent and
     * replay-protected like a separation; a separated account is never restored.
     */
    @POST
    @Path("leaves")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reportLeave(@HeaderParam(WebhookSignature.HEADER) String signature, byte[] body) {
        RealmModel realm = session.getContext().getRealm();
        AuthResult caller = null;
        String eventId = null;
        try {
            caller = verifiedHrCall(realm, signature, body);
            Instant now = now();
            LeaveNotice notice = LeaveNotice.parse(body, now);
            eventId = notice.eventId();
            List<UserModel> accounts = freshEventAccounts(realm, eventId, notice.employeeNumber());
            if (accounts.stream().anyMatch(SeparationRecords::isSeparated)) {
                throw new Refusal(Refusal.Reason.ACCOUNT_SEPARATED, "employee " + notice.employeeNumber() + " was separated");
            }
            if (notice.action() == LeaveNotice.Action.RESTORE && accounts.stream().noneMatch(LeaveRecords::isOnLeave)) {
                throw new Refusal(Refusal.Reason.NOT_ON_LEAVE, "employee " + notice.employeeNumber() + " is not on leave");
            }
            List<Map<String, Object>> results = new ArrayList<>();
            for (UserModel account : accounts) {
                results.add(applyLeave(realm, caller, notice, account, now));
            }
            String status = notice.action() == LeaveNotice.Action.RESTORE ? "restored" : notice.startsBy(now) ? "suspended" : "scheduled";
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("eventId", notice.eventId());
            answer.put("status", status);
            if (notice.action() == LeaveNotice.Action.SUSPEND) {
                answer.put("startsAt", notice.startsAt().toString());
                notice.endsAt().ifPresent(end -> answer.put("endsAt", end.toString()));
            }
            answer.put("accounts", results);
            return Response.ok(answer).build();
        } catch (Refusal refusal) {
            return refused(realm, caller, eventId, refusal);
        }
    }

    /**
     * `POST /realms/{realm}/hr-feed/roster?mode=dry-run|apply`: HR's full roster (JSON, or CSV with `rosterId` in
     * the query), signed like a separation. The dry run (default) reports; `mode=apply` with `confirm=<rosterId>`
     * disables the accounts that are terminated or absent and ends their sessions, unless that is more than
     * `hipaa.roster.maxDisableFraction` of the accounts and `force=true` is not given.
     */
    @POST
    @Path("roster")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reconcileRoster(@HeaderParam(WebhookSignature.HEADER) String signature, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @QueryParam("mode") String mode, @QueryParam("rosterId") String csvRosterId, @QueryParam("confirm") String confirm,
            @QueryParam("force") String force, byte[] body) {
        RealmModel realm = session.getContext().getRealm();
        AuthResult caller = null;
        try {
            caller = verifiedHrCall(realm, signature, body);
            boolean apply = switch (mode == null ? "dry-run" : mode) {
                case "dry-run" -> false;
                case "apply" -> true;
                default -> throw new Refusal(Refusal.Reason.MALFORMED_REQUEST, "mode must be dry-run or apply");
            };
            Roster roster = parseRoster(contentType, csvRosterId, body);
            RosterPlan plan = RosterPlan.of(roster, RosterReconciliation.enabledAccounts(session, realm));
            double maxFraction = RosterReconciliation.maxDisableFraction(realm);
            if (apply && !roster.rosterId().equals(confirm)) {
                throw new Refusal(Refusal.Reason.CONFIRMATION_REQUIRED, "apply needs confirm=<rosterId> (confirm=" + roster.rosterId() + ")");
            }
            if (apply && plan.exceeds(maxFraction) && !"true".equals(force)) {
                throw new Refusal(Refusal.Reason.TOO_MANY_DISABLES, String.format(Locale.ROOT,
                        "the roster would disable %d of %d accounts (%.1f %%), more than %s (%.1f %%); check the export, or send force=true",
                        plan.toDisable().size(), plan.matchableAccounts(), plan.disableFraction() * 100,
                        RosterReconciliation.MAX_DISABLE_FRACTION, maxFraction * 100));
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("rosterId", roster.rosterId());
            answer.put("mode", apply ? "apply" : "dry-run");
            answer.put("matchableAccounts", plan.matchableAccounts());
            answer.put("disableFraction", plan.disableFraction());
            answer.put("maxDisableFraction", maxFraction);
            answer.put("toDisable", plan.toDisable());
            answer.put("excepted", plan.excepted());
            answer.put("unidentified", plan.unidentified());
            answer.put("missing", plan.missing());
            List<Map<String, Object>> disabled = apply
                    ? disableAll(realm, caller, plan.toDisable(), DisableTrigger.ROSTER, Map.of(DETAIL_ROSTER_ID, roster.rosterId()))
                    : List.of();
            if (apply) {
                answer.put("disabled", disabled);
            }
            summaryEvent(realm, caller, "roster", Map.of(DETAIL_ROSTER_ID, roster.rosterId(), "mode", (String) answer.get("mode")),
                    Map.of("toDisable", plan.toDisable().size(), "excepted", plan.excepted().size(), "missing", plan.missing().size(),
                            "disabled", disabled.size()));
            return Response.ok(answer).build();
        } catch (Refusal refusal) {
            return refused(realm, caller, null, refusal);
        }
    }

    /**
     * `GET /realms/{realm}/hr-feed/dormant`: enabled accounts without a sign-in for `hipaa.dormant.days`, service
     * and emergency accounts excepted. For anyone who may view users.
     */
    @GET
    @Path("dormant")
    @Produces(MediaType.APPLICATION_JSON)
    public Response dormantAccounts() {
        RealmModel realm = session.getContext().getRealm();
        AuthResult caller = null;
        try {
            caller = authenticate(realm);
            requireRealmManagementRole(realm, caller, AdminRoles.VIEW_USERS);
            return Response.ok(dormantAnswer(realm, dormant(realm), null)).build();
        } catch (Refusal refusal) {
            return refused(realm, caller, null, refusal);
        }
    }

    /** `POST /realms/{realm}/hr-feed/dormant` with `{"confirm": true}`: disables the dormant accounts and ends their sessions. */
    @POST
    @Path("dormant")
    @Produces(MediaType.APPLICATION_JSON)
    public Response disableDormantAccounts(byte[] body) {
        RealmModel realm = session.getContext().getRealm();
        AuthResult caller = null;
        try {
            caller = authenticate(realm);
            requireRealmManagementRole(realm, caller, AdminRoles.MANAGE_USERS);
            if (!confirmed(body)) {
                throw new Refusal(Refusal.Reason.CONFIRMATION_REQUIRED, "disabling dormant accounts needs the body {\"confirm\": true}");
            }
            List<DormantAccounts.Dormant> dormant = dormant(realm);
            List<RosterPlan.Change> changes = dormant.stream()
                    .map(account -> new RosterPlan.Change(account.username(), null, "dormant " + account.idleDays() + " days")).toList();
            List<Map<String, Object>> disabled = disableAll(realm, caller, changes, DisableTrigger.DORMANT, Map.of());
            summaryEvent(realm, caller, "dormant", Map.of("mode", "apply"), Map.of("disabled", disabled.size()));
            return Response.ok(dormantAnswer(realm, dormant, disabled)).build();
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
            requireRealmManagementRole(realm, caller, AdminRoles.VIEW_USERS);
            return Response.ok(LatencySummary.of(SeparationRecords.latencySeconds(session, realm), SEPARATION_TARGET_SECONDS)).build();
        } catch (Refusal refusal) {
            return refused(realm, caller, null, refusal);
        }
    }

    private Map<String, Object> applyLeave(RealmModel realm, AuthResult caller, LeaveNotice notice, UserModel account, Instant now) {
        SeparationRecords.recordEvent(account, notice.eventId());
        Map<String, String> details = Map.of(AccountSeparation.DETAIL_EVENT_ID, notice.eventId());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("username", account.getUsername());
        if (notice.action() == LeaveNotice.Action.RESTORE) {
            if (LeaveRecords.isOnLeave(account)) {
                adminEvent(realm, caller, account, Map.of("enabled", true), details);
                AccountLeave.restore(session, realm, account, notice.eventId(), DisableTrigger.HR_LEAVE);
            }
        } else if (notice.startsBy(now)) {
            LeaveRecords.record(account, notice, LeaveRecords.SUSPENDED);
            adminEvent(realm, caller, account, Map.of("enabled", false), details);
            Revocation revocation = AccountLeave.suspend(session, realm, account, DisableTrigger.HR_LEAVE);
            result.put("onlineSessionsEnded", revocation.onlineSessions());
            result.put("offlineSessionsEnded", revocation.offlineSessions());
        } else {
            LeaveRecords.record(account, notice, LeaveRecords.SCHEDULED);
            adminEvent(realm, caller, account, Map.of("leaveStartsAt", notice.startsAt().toString()), details);
        }
        result.put("enabled", account.isEnabled());
        return result;
    }

    private AuthResult verifiedHrCall(RealmModel realm, String signature, byte[] body) {
        AuthResult caller = authenticate(realm);
        requireCallerRole(realm, caller);
        verifySignature(realm, signature, body, now());
        return caller;
    }

    /** The employee's accounts for an event not seen before. */
    private List<UserModel> freshEventAccounts(RealmModel realm, String eventId, String employeeNumber) {
        if (SeparationRecords.alreadyReceived(session, realm, eventId)) {
            throw new Refusal(Refusal.Reason.REPLAYED_EVENT, "event " + eventId + " was already received");
        }
        List<UserModel> accounts = SeparationRecords.accountsOf(session, realm, employeeNumber);
        if (accounts.isEmpty()) {
            throw new Refusal(Refusal.Reason.UNKNOWN_EMPLOYEE, "no account has employeeNumber " + employeeNumber);
        }
        return accounts;
    }

    private static Roster parseRoster(String contentType, String csvRosterId, byte[] body) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case MediaType.APPLICATION_JSON -> Roster.parseJson(body);
            case "text/csv" -> Roster.parseCsv(csvRosterId, body);
            default -> throw new Refusal(Refusal.Reason.UNSUPPORTED_MEDIA_TYPE, "a roster is application/json or text/csv");
        };
    }

    /**
     * Each account is disabled, recorded and signed out in its own transaction: planning read every account of
     * the realm, and one transaction holding them all made each later query flush-check thousands of entities.
     */
    private List<Map<String, Object>> disableAll(RealmModel realm, AuthResult caller, List<RosterPlan.Change> changes, DisableTrigger trigger,
            Map<String, String> details) {
        KeycloakContext request = session.getContext();
        List<Map<String, Object>> disabled = new ArrayList<>();
        for (RosterPlan.Change change : changes) {
            Map<String, Object> result = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), own -> {
                own.getContext().setHttpRequest(request.getHttpRequest());
                own.getContext().setConnection(request.getConnection());
                RealmModel ownRealm = own.realms().getRealm(realm.getId());
                own.getContext().setRealm(ownRealm);
                UserModel account = own.users().getUserByUsername(ownRealm, change.username());
                if (account == null || !account.isEnabled()) {
                    return null;
                }
                Map<String, String> eventDetails = new LinkedHashMap<>(details);
                eventDetails.put(DETAIL_DISABLE_REASON, change.reason());
                account.setEnabled(false);
                adminEvent(own, ownRealm, caller, account, Map.of("enabled", false), eventDetails, trigger);
                Revocation revocation = SessionRevoker.revoke(own, ownRealm, account, trigger, eventDetails);
                return Map.<String, Object>of("username", account.getUsername(), "reason", change.reason(),
                        "onlineSessionsEnded", revocation.onlineSessions(), "offlineSessionsEnded", revocation.offlineSessions());
            });
            if (result != null) {
                disabled.add(result);
            }
        }
        return disabled;
    }

    private List<DormantAccounts.Dormant> dormant(RealmModel realm) {
        ExemptionRule rule = ExemptionRule.from(realm.getAttributes());
        List<DormantAccounts.Account> enabled = session.users().searchForUserStream(realm, Map.of(UserModel.ENABLED, "true"))
                .filter(UserModel::isEnabled)
                .map(user -> new DormantAccounts.Account(user.getId(), user.getUsername(), LastSignIn.of(user),
                        user.getCreatedTimestamp() == null ? 0 : user.getCreatedTimestamp() / 1000, RosterReconciliation.exemption(realm, rule, user)))
                .toList();
        return DormantAccounts.of(enabled, Time.currentTime(), LastSignIn.dormantDays(realm));
    }

    private static Map<String, Object> dormantAnswer(RealmModel realm, List<DormantAccounts.Dormant> dormant, List<Map<String, Object>> disabled) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("days", LastSignIn.dormantDays(realm));
        answer.put("dormant", dormant.stream().map(account -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("username", account.username());
            entry.put("lastSignInAt", account.lastSignInAt().isPresent() ? Instant.ofEpochSecond(account.lastSignInAt().getAsLong()).toString() : null);
            entry.put("idleDays", account.idleDays());
            return entry;
        }).toList());
        if (disabled != null) {
            answer.put("disabled", disabled);
        }
        return answer;
    }

    private static boolean confirmed(byte[] body) {
        try {
            return body != null && body.length > 0 && JSON.readTree(body).path("confirm").asBoolean(false)
                    && JSON.readTree(body).path("confirm").isBoolean();
        } catch (IOException notJson) {
            throw new Refusal(Refusal.Reason.MALFORMED_REQUEST, "body is not JSON");
        }
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Time.currentTimeMillis());
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

    private static void requireRealmManagementRole(RealmModel realm, AuthResult caller, String roleName) {
        ClientModel realmManagement = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        RoleModel role = realmManagement == null ? null : realmManagement.getRole(roleName);
        if (role == null || !caller.user().hasRole(role)) {
            throw new Refusal(Refusal.Reason.FORBIDDEN, "the caller lacks the realm-management role " + roleName);
        }
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
            adminEvent(realm, caller, account, Map.of("enabled", false), Map.of(AccountSeparation.DETAIL_EVENT_ID, notice.eventId()));
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
            adminEvent(realm, caller, account, Map.of("separationEffectiveAt", notice.effectiveAt().toString()),
                    Map.of(AccountSeparation.DETAIL_EVENT_ID, notice.eventId()));
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

    /** The change itself, as an admin event by the caller (the revocation is recorded separately). */
    private void adminEvent(RealmModel realm, AuthResult caller, UserModel account, Map<String, Object> change, Map<String, String> details) {
        adminEvent(session, realm, caller, account, change, details, DisableTrigger.HR_FEED);
    }

    private static void adminEvent(KeycloakSession session, RealmModel realm, AuthResult caller, UserModel account, Map<String, Object> change,
            Map<String, String> details, DisableTrigger source) {
        AdminEventBuilder event = adminEventBuilder(session, realm, caller)
                .operation(OperationType.UPDATE)
                .resource(ResourceType.USER)
                .resourcePath("users", account.getId())
                .representation(change)
                .detail(DisabledAccountEvents.SOURCE_DETAIL, source.label());
        details.forEach(event::detail);
        event.success();
    }

    /** One record per reconciliation or clean-up, dry runs included: who ran it, on what, and what it counted. */
    private void summaryEvent(RealmModel realm, AuthResult caller, String endpoint, Map<String, String> details, Map<String, Object> counts) {
        AdminEventBuilder event = adminEventBuilder(session, realm, caller)
                .operation(OperationType.ACTION)
                .resource(ResourceType.REALM)
                .resourcePath(HrFeedResourceProviderFactory.ID, endpoint)
                .representation(counts)
                .detail(DisabledAccountEvents.SOURCE_DETAIL, DisableTrigger.HR_FEED.label());
        details.forEach(event::detail);
        event.success();
    }

    private static AdminEventBuilder adminEventBuilder(KeycloakSession session, RealmModel realm, AuthResult caller) {
        return new AdminEventBuilder(realm, new AdminAuth(realm, caller.token(), caller.user(), caller.client()), session,
                session.getContext().getConnection());
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

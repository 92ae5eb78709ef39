package org.hipaaiam.emergency.elevation;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hipaaiam.emergency.Audit;
import org.hipaaiam.emergency.BreakGlassSettings;
import org.hipaaiam.emergency.HipaaEvents;
import org.hipaaiam.emergency.cases.BreakGlassCaseEntity;
import org.hipaaiam.emergency.cases.BreakGlassCases;
import org.hipaaiam.emergency.declared.DeclaredEmergency;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Break-the-glass as an application-initiated action (`kc_action=hipaa-break-glass`). Keycloak sends the user
 * through the realm's browser flow first unless the last authentication is at most `reauthMaxAgeSeconds` old
 * (default 0: always). The form asks for a reason code and a written reason; the app may pass
 * `hipaa_context` (e.g. a patient or resource id). Elevation, case and audit record share one transaction.
 */
final class BreakGlassAction implements RequiredActionProvider {

    static final String CONTEXT_PARAM = "hipaa_context";
    static final String FORM = "hipaa-break-glass.ftl";
    static final String WORKSTATION_ID_NOTE = "hipaa.workstation.id";
    static final String WORKSTATION_CLASS_NOTE = "hipaa.workstation.class";

    private final KeycloakSession session;

    BreakGlassAction(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public int getMaxAuthAge() {
        return (int) BreakGlassSettings.of(session.getContext().getRealm()).reauthMaxAgeSeconds();
    }

    @Override
    public int getMaxAuthAge(KeycloakSession keycloakSession) {
        return getMaxAuthAge();
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // Only ever requested by an application or the user; never set automatically.
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        BreakGlassSettings settings = BreakGlassSettings.of(context.getRealm());
        Optional<String> refusal = refusal(context, settings);
        if (refusal.isPresent()) {
            refuse(context, refusal.get());
            return;
        }
        context.challenge(form(context, settings, null, null, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        BreakGlassSettings settings = BreakGlassSettings.of(context.getRealm());
        Optional<String> refusal = refusal(context, settings);
        if (refusal.isPresent()) {
            refuse(context, refusal.get());
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        ElevationRequest request;
        try {
            request = ElevationRequest.parse(form.getFirst("reasonCode"), form.getFirst("reason"), appContext(context), settings.reasonCodes());
        } catch (ElevationRequest.Invalid invalid) {
            context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                    .detail(HipaaEvents.DETAIL, HipaaEvents.INVALID_REQUEST)
                    .detail("custom_required_action", BreakGlassActionFactory.ID)
                    .detail("reason", invalid.getMessage())
                    .error("invalid_break_glass_request");
            context.challenge(form(context, settings, invalid.messageKey(), form.getFirst("reasonCode"), form.getFirst("reason")));
            return;
        }
        elevate(context, settings, request);
        context.success();
    }

    private void elevate(RequiredActionContext context, BreakGlassSettings settings, ElevationRequest request) {
        RealmModel realm = context.getRealm();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserModel user = context.getUser();
        long now = Time.currentTime();
        boolean declared = DeclaredEmergency.activeIn(realm, now);

        BreakGlassCaseEntity opened = new BreakGlassCaseEntity();
        opened.setId(UUID.randomUUID().toString());
        opened.setUserId(user.getId());
        opened.setUsername(user.getUsername());
        // The user session Keycloak attaches at the end of this sign-in carries the root authentication session's id.
        opened.setSessionId(authSession.getParentSession().getId());
        opened.setClientId(authSession.getClient().getClientId());
        opened.setWorkstationId(sessionNote(context, WORKSTATION_ID_NOTE));
        opened.setWorkstationClass(sessionNote(context, WORKSTATION_CLASS_NOTE));
        opened.setReasonCode(request.reasonCode());
        opened.setReasonText(request.reasonText());
        opened.setContext(request.context());
        opened.setDeclaredEmergency(declared);
        opened.setStartedAt(now);
        opened.setExpiresAt(now + settings.elevationSeconds());
        opened.setDueAt(now + settings.justificationDueSeconds());
        new BreakGlassCases(session, realm).open(opened);

        new Elevation(opened.getExpiresAt(), request.reasonCode(), opened.getId()).writeTo(authSession);

        // A success event stays in this transaction: if the audit record cannot be written, all of it rolls back.
        Map<String, String> details = new LinkedHashMap<>();
        details.put("custom_required_action", BreakGlassActionFactory.ID);
        details.put("case_id", opened.getId());
        details.put("reason_code", request.reasonCode());
        details.put("context", request.context());
        details.put("elevated_until", Long.toString(opened.getExpiresAt()));
        details.put("justification_due", Long.toString(opened.getDueAt()));
        details.put("declared_emergency", Boolean.toString(declared));
        Audit.details(context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(HipaaEvents.DETAIL, HipaaEvents.ELEVATION), details).success();
    }

    private Optional<String> refusal(RequiredActionContext context, BreakGlassSettings settings) {
        RealmModel realm = context.getRealm();
        UserModel user = context.getUser();
        RoleModel role = realm.getRole(settings.eligibleRole());
        boolean eligibleRole = role != null && user.hasRole(role);
        boolean workforce = user.getServiceAccountClientLink() == null && !"service".equals(user.getFirstAttribute("accountType"));
        boolean blocked = new BreakGlassCases(session, realm).hasUnreviewedEscalation(user.getId());
        Optional<String> refusal = Eligibility.refusal(eligibleRole, workforce, DeclaredEmergency.activeIn(realm, Time.currentTime()), blocked);
        if (refusal.isPresent()) {
            return refusal;
        }
        return isFresh(context) ? Optional.empty() : Optional.of("the last authentication is not fresh enough for break-glass");
    }

    /** Fresh when this very authentication session ran the realm's sign-in forms, or the SSO login is recent enough. */
    private boolean isFresh(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!AuthenticatorUtil.isSSOAuthentication(authSession)) {
            return true;
        }
        UserSessionModel userSession = userSession(context);
        String authTime = userSession == null ? null : userSession.getNote(AuthenticationManager.AUTH_TIME);
        if (authTime == null) {
            return false;
        }
        return Time.currentTime() - Long.parseLong(authTime) <= BreakGlassSettings.of(context.getRealm()).reauthMaxAgeSeconds();
    }

    private void refuse(RequiredActionContext context, String reason) {
        context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                .detail(HipaaEvents.DETAIL, HipaaEvents.REFUSED)
                .detail("custom_required_action", BreakGlassActionFactory.ID)
                .detail("reason", reason)
                .error("break_glass_refused");
        context.failure("break_glass_refused");
    }

    /** A workstation note set by the badge sign-in: on the existing user session, or pending on this sign-in. */
    private String sessionNote(RequiredActionContext context, String name) {
        String pending = context.getAuthenticationSession().getUserSessionNotes().get(name);
        if (pending != null) {
            return pending;
        }
        UserSessionModel existing = userSession(context);
        return existing == null ? null : existing.getNote(name);
    }

    /** The SSO session this sign-in continues, if any (a first sign-in creates it only after the action). */
    private UserSessionModel userSession(RequiredActionContext context) {
        return session.sessions().getUserSession(context.getRealm(), context.getAuthenticationSession().getParentSession().getId());
    }

    private static String appContext(RequiredActionContext context) {
        return context.getAuthenticationSession().getClientNote(AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + CONTEXT_PARAM);
    }

    private Response form(RequiredActionContext context, BreakGlassSettings settings, String error, String reasonCode, String reason) {
        var form = context.form()
                .setAttribute("reasonCodes", settings.reasonCodes())
                .setAttribute("selectedReasonCode", reasonCode == null ? "" : reasonCode)
                .setAttribute("reason", reason == null ? "" : reason)
                .setAttribute("appContext", Optional.ofNullable(appContext(context)).orElse(""))
                .setAttribute("elevationMinutes", settings.elevationSeconds() / 60);
        if (error != null) {
            form.setError(error);
        }
        return form.createForm(FORM);
    }

    @Override
    public void close() {
    }
}

package org.hipaaiam.emergency.elevation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hipaaiam.core.account.AccountKind;
import org.hipaaiam.core.api.AuditEvents;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.core.vocabulary.SessionNotes;
import org.hipaaiam.emergency.BreakGlassEvents;
import org.hipaaiam.emergency.BreakGlassSettings;
import org.hipaaiam.emergency.cases.BreakGlassCaseEntity;
import org.hipaaiam.emergency.cases.BreakGlassCases;
import org.hipaaiam.emergency.declared.DeclaredEmergency;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Break-the-glass for one sign-in: decides whether it may elevate, and elevates. The case, the user-session
 * notes that tokens and assertions read, and the audit record that alerts the Privacy Office are all written
 * in the request's transaction: if the audit record cannot be written, none of it happens.
 */
final class ElevationService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final BreakGlassSettings settings;
    private final BreakGlassCases cases;

    ElevationService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.settings = BreakGlassSettings.of(session, realm);
        this.cases = new BreakGlassCases(session, realm);
    }

    BreakGlassSettings settings() {
        return settings;
    }

    /** Why this sign-in may not break the glass, or empty when it may. */
    Optional<String> refusal(AuthenticationSessionModel authSession, UserModel user) {
        long now = Time.currentTime();
        RoleModel role = realm.getRole(settings.eligibleRole());
        boolean continuesSsoSession = AuthenticatorUtil.isSSOAuthentication(authSession);
        UserSessionModel continued = continuesSsoSession ? continuedSession(authSession) : null;
        return new Eligibility(
                BundleScope.policiesApply(realm),
                role != null && user.hasRole(role),
                AccountKind.of(user),
                DeclaredEmergency.isDeclaredIn(realm, now),
                cases.hasUnreviewedEscalation(user.getId()),
                Eligibility.isFresh(continuesSsoSession, continued == null ? null : continued.getNote(AuthenticationManager.AUTH_TIME), now, settings.reauthMaxAgeSeconds()))
                .refusal();
    }

    /** Records a refused elevation; like every break-glass event it alerts the Privacy Office. */
    void refuse(EventBuilder event, String reason) {
        event.event(EventType.CUSTOM_REQUIRED_ACTION_ERROR)
                .detail(AuditDetails.HIPAA_EVENT, BreakGlassEvents.REFUSED)
                .detail("custom_required_action", BreakGlassActionFactory.ID)
                .detail(AuditDetails.REASON, reason)
                .error("break_glass_refused");
    }

    /** Opens the case and grants the elevation to the user session this sign-in completes. */
    void elevate(AuthenticationSessionModel authSession, UserModel user, ElevationRequest request, EventBuilder event) {
        long now = Time.currentTime();
        boolean declared = DeclaredEmergency.isDeclaredIn(realm, now);

        BreakGlassCaseEntity opened = new BreakGlassCaseEntity();
        opened.setId(UUID.randomUUID().toString());
        opened.setUserId(user.getId());
        opened.setUsername(user.getUsername());
        // The user session Keycloak attaches at the end of this sign-in carries the root authentication session's id.
        opened.setSessionId(authSession.getParentSession().getId());
        opened.setClientId(authSession.getClient().getClientId());
        opened.setWorkstationId(workstationNote(authSession, SessionNotes.WORKSTATION_ID));
        opened.setWorkstationClass(workstationNote(authSession, SessionNotes.WORKSTATION_CLASS));
        opened.setReasonCode(request.reasonCode());
        opened.setReasonText(request.reasonText());
        opened.setContext(request.context());
        opened.setDeclaredEmergency(declared);
        opened.setStartedAt(now);
        opened.setExpiresAt(now + settings.elevationSeconds());
        opened.setDueAt(now + settings.justificationDueSeconds());
        cases.open(opened);

        new Elevation(opened.getExpiresAt(), request.reasonCode(), opened.getId()).writeTo(authSession);

        Map<String, String> details = new LinkedHashMap<>();
        details.put(AuditDetails.HIPAA_EVENT, BreakGlassEvents.ELEVATION);
        details.put("custom_required_action", BreakGlassActionFactory.ID);
        details.put("case_id", opened.getId());
        details.put("reason_code", request.reasonCode());
        details.put("context", request.context());
        details.put("elevated_until", Long.toString(opened.getExpiresAt()));
        details.put("justification_due", Long.toString(opened.getDueAt()));
        details.put("declared_emergency", Boolean.toString(declared));
        // A success event stays in this transaction: the audit listener's failure rolls the case and the notes back.
        AuditEvents.details(event.event(EventType.CUSTOM_REQUIRED_ACTION), details).success();
    }

    /** A workstation note set by the badge sign-in: pending on this sign-in, or on the session it continues. */
    private String workstationNote(AuthenticationSessionModel authSession, String name) {
        String pending = authSession.getUserSessionNotes().get(name);
        if (pending != null) {
            return pending;
        }
        UserSessionModel continued = continuedSession(authSession);
        return continued == null ? null : continued.getNote(name);
    }

    /** The SSO session this sign-in continues, if any (a first sign-in creates it only after the action). */
    private UserSessionModel continuedSession(AuthenticationSessionModel authSession) {
        return session.sessions().getUserSession(realm, authSession.getParentSession().getId());
    }
}

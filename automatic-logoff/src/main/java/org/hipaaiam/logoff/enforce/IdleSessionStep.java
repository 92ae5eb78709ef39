package org.hipaaiam.logoff.enforce;

import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.hipaaiam.auth.workstation.BadgeLocation;
import org.hipaaiam.auth.workstation.Workstation;
import org.hipaaiam.core.provider.FlowStep;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.core.vocabulary.SessionNotes;
import org.hipaaiam.logoff.policy.LogoffPolicies;
import org.hipaaiam.logoff.policy.SessionClass;
import org.hipaaiam.logoff.session.IdleOutcomes;
import org.hipaaiam.logoff.session.IdleState;
import org.hipaaiam.logoff.session.SessionIdle;
import org.hipaaiam.logoff.vocabulary.LogoffEvents;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * `hipaa-idle-session`, the browser flow's last step. A new session gets its class (the tapped workstation's, the
 * class of the registered workstation whose network the password sign-in came from, the client's own policy, or
 * unclassified) and its first activity; offline tokens are refused at shared workstations. A reused session counts
 * the interactive sign-in as activity; a locked one is unlocked only when this sign-in began by unlocking it.
 */
final class IdleSessionStep extends FlowStep {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        RealmModel realm = context.getRealm();
        if (!BundleScope.policiesApply(realm)) {
            context.success();
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        long now = Time.currentTime();
        UserSessionModel existing = reusesASession(authSession)
                ? context.getSession().sessions().getUserSession(realm, authSession.getParentSession().getId()) : null;
        if (existing != null && context.getUser() != null && existing.getUser().getId().equals(context.getUser().getId())) {
            continueSession(context, SessionIdle.of(context.getSession(), realm, existing), now);
            return;
        }
        SessionClass sessionClass = classify(context);
        if (refusedOffline(context, sessionClass)) {
            return;
        }
        authSession.setUserSessionNote(SessionIdle.CLASS, sessionClass.note());
        authSession.setUserSessionNote(SessionIdle.ACTIVE_AT, Long.toString(now));
        authSession.setUserSessionNote(SessionIdle.LOCKED_AT, "");
        context.success();
    }

    /**
     * Whether a cookie step found the browser's session (SSO reuse, a forced re-authentication, an unlock): only then
     * is there a session to continue, and a fresh sign-in spends no session lookup.
     */
    private static boolean reusesASession(AuthenticationSessionModel authSession) {
        return authSession.getAuthNote(AuthenticationManager.SSO_AUTH) != null
                || authSession.getAuthNote(AuthenticationManager.FORCED_REAUTHENTICATION) != null
                || authSession.getAuthNote(IdleCookieAuthenticator.UNLOCKING) != null;
    }

    private static void continueSession(AuthenticationFlowContext context, SessionIdle idle, long now) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        IdleState state = idle.state(now);
        boolean unlocking = idle.userSession().getId().equals(authSession.getAuthNote(IdleCookieAuthenticator.UNLOCKING));
        if (state.status() == IdleState.Status.ENDED) {
            // the factor came after the terminate time: the session is over, sign in afresh
            IdleOutcomes.end(context.getSession(), context.getRealm(), idle, state, IdleOutcomes.Trigger.IDLE);
            refuse(context, "hipaaSessionEndedIdle");
            return;
        }
        if (state.status() == IdleState.Status.LOCKED && !unlocking) {
            // a locked session is continued only by the sign-in that unlocks it, never by another flow's cookie step
            context.getEvent().detail(AuditDetails.HIPAA_EVENT, LogoffEvents.SESSION_LOCKED).error(Errors.SESSION_EXPIRED);
            refuse(context, "hipaaSessionLocked");
            return;
        }
        if (refusedOffline(context, idle.sessionClass())) {
            return;
        }
        if (state.status() == IdleState.Status.LOCKED) {
            authSession.setUserSessionNote(SessionIdle.LOCKED_AT, "");
            authSession.setUserSessionNote(SessionIdle.ACTIVE_AT, Long.toString(now));
            IdleOutcomes.unlocked(context.getSession(), context.getRealm(), idle, state);
        } else if (!OIDCLoginProtocol.PROMPT_VALUE_NONE.equals(authSession.getClientNote(OIDCLoginProtocol.PROMPT_PARAM))) {
            // a silent SSO check (prompt=none) is an app's timer, not the user
            idle.recordActivity(now);
        }
        context.success();
    }

    private static SessionClass classify(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String tapped = authSession.getUserSessionNotes().get(SessionNotes.WORKSTATION_CLASS);
        if (tapped != null) {
            return SessionClass.workstation(tapped);
        }
        KeycloakSession session = context.getSession();
        BadgeLocation location = BadgeLocation.of(session, context.getRealm(), context.getConnection().getRemoteAddr());
        if (location.workstation().isPresent()) {
            Workstation workstation = location.workstation().get();
            authSession.setUserSessionNote(SessionNotes.WORKSTATION_ID, workstation.id());
            authSession.setUserSessionNote(SessionNotes.WORKSTATION_CLASS, workstation.workstationClass().wireName());
            return SessionClass.workstation(workstation.workstationClass().wireName());
        }
        String clientId = authSession.getClient().getClientId();
        return RealmSettings.of(session, context.getRealm()).get(LogoffPolicies.CLIENTS).containsKey(clientId)
                ? SessionClass.client(clientId) : SessionClass.UNCLASSIFIED;
    }

    /** An offline token would outlive every idle policy: never at a shared workstation. */
    private static boolean refusedOffline(AuthenticationFlowContext context, SessionClass sessionClass) {
        String scope = context.getAuthenticationSession().getClientNote(OIDCLoginProtocol.SCOPE_PARAM);
        boolean wantsOffline = scope != null && Arrays.asList(scope.split(" ")).contains(OAuth2Constants.OFFLINE_ACCESS);
        if (!sessionClass.atWorkstation() || !wantsOffline) {
            return false;
        }
        context.getEvent().detail(AuditDetails.HIPAA_EVENT, LogoffEvents.OFFLINE_REFUSED)
                .detail(LogoffEvents.SESSION_CLASS, sessionClass.note()).error(Errors.NOT_ALLOWED);
        refuse(context, "hipaaOfflineRefused");
        return true;
    }

    private static void refuse(AuthenticationFlowContext context, String message) {
        context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED, context.form().setError(message).createErrorPage(Response.Status.FORBIDDEN));
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}

package org.hipaaiam.events.audit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hipaaiam.core.vocabulary.ProvenAmr;
import org.hipaaiam.core.vocabulary.SessionNotes;
import org.hipaaiam.events.audit.record.Actor;
import org.hipaaiam.events.audit.record.Origin;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.util.JsonSerialization;

/** Reads who and where from Keycloak's state at the moment an event is recorded. */
final class SessionFacts {

    /** User-session note naming the registered workstation a session started on. */
    static final String AMR_CONFIG_KEY = "default.reference.value";

    private SessionFacts() {
    }

    static Actor actor(KeycloakSession session, RealmModel realm, String userId, String sessionId) {
        if (realm == null || userId == null) {
            return Actor.UNKNOWN;
        }
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            return new Actor(userId, null, List.of(), sessionId, List.of());
        }
        List<String> roles = user.getRoleMappingsStream()
                .filter(role -> !role.isClientRole())
                .map(RoleModel::getName)
                .sorted()
                .collect(Collectors.toList());
        UserSessionModel userSession = userSession(session, realm, sessionId);
        return new Actor(userId, user.getUsername(), roles, sessionId, amr(realm, userSession));
    }

    static Origin origin(KeycloakSession session, RealmModel realm, String ipAddress, String sessionId) {
        UserSessionModel userSession = userSession(session, realm, sessionId);
        String workstation = userSession == null ? null : userSession.getNote(SessionNotes.WORKSTATION_ID);
        return new Origin(ipAddress, userAgent(session), workstation);
    }

    private static UserSessionModel userSession(KeycloakSession session, RealmModel realm, String sessionId) {
        if (realm == null || sessionId == null) {
            return null;
        }
        return session.sessions().getUserSession(realm, sessionId);
    }

    /**
     * RFC 8176 values configured on the flow steps the session completed (the oidc-amr-mapper's source), with what
     * the fingerprint step proved beside its `hwk` (the bundle's amr mapper adds the same).
     */
    @SuppressWarnings("unchecked")
    private static List<String> amr(RealmModel realm, UserSessionModel userSession) {
        String completed = userSession == null ? null : userSession.getNote(Constants.AUTHENTICATORS_COMPLETED);
        if (completed == null) {
            return List.of();
        }
        try {
            Set<String> values = new LinkedHashSet<>();
            for (String executionId : ((Map<String, Object>) JsonSerialization.readValue(completed, Map.class)).keySet()) {
                AuthenticationExecutionModel execution = realm.getAuthenticationExecutionById(executionId);
                if (execution == null || execution.getAuthenticatorConfig() == null) {
                    continue;
                }
                AuthenticatorConfigModel config = realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig());
                if (config != null && config.getConfig() != null && config.getConfig().get(AMR_CONFIG_KEY) != null) {
                    values.add(config.getConfig().get(AMR_CONFIG_KEY));
                }
            }
            return List.copyOf(ProvenAmr.of(values, userSession.getNote(SessionNotes.PROVEN_AMR)));
        } catch (java.io.IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String userAgent(KeycloakSession session) {
        try {
            return session.getContext().getRequestHeaders().getHeaderString("User-Agent");
        } catch (RuntimeException noRequest) {
            // Events sent from background tasks have no HTTP request.
            return null;
        }
    }
}

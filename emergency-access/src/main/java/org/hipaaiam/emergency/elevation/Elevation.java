package org.hipaaiam.emergency.elevation;

import java.util.Optional;
import org.keycloak.models.UserSessionModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Emergency access held by a user session: user-session notes written in the elevation's transaction, with
 * the end on Keycloak's clock. Expired elevation is treated as absent everywhere.
 */
public record Elevation(long until, String reasonCode, String caseId) {

    public static final String UNTIL_NOTE = "hipaa.breakGlass.until";
    public static final String REASON_CODE_NOTE = "hipaa.breakGlass.reasonCode";
    public static final String CASE_NOTE = "hipaa.breakGlass.caseId";
    /** The HL7 v3 ActReason purpose of use stated in tokens and assertions while elevated. */
    public static final String PURPOSE_OF_USE = "BTG";
    public static final String ROLE = "emergency-access";

    public static Optional<Elevation> activeIn(UserSessionModel userSession, long nowSeconds) {
        if (userSession == null) {
            return Optional.empty();
        }
        String until = userSession.getNote(UNTIL_NOTE);
        if (until == null) {
            return Optional.empty();
        }
        try {
            Elevation elevation = new Elevation(Long.parseLong(until), userSession.getNote(REASON_CODE_NOTE), userSession.getNote(CASE_NOTE));
            return elevation.isActiveAt(nowSeconds) ? Optional.of(elevation) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    public boolean isActiveAt(long nowSeconds) {
        return nowSeconds < until;
    }

    /** Keycloak copies these notes into the user session when the sign-in completes, in the same transaction. */
    public void writeTo(AuthenticationSessionModel authSession) {
        authSession.setUserSessionNote(UNTIL_NOTE, Long.toString(until));
        authSession.setUserSessionNote(REASON_CODE_NOTE, reasonCode);
        authSession.setUserSessionNote(CASE_NOTE, caseId);
    }
}

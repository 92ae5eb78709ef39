package org.hipaaiam.emergency.elevation;

import java.util.Optional;
import org.keycloak.common.util.Time;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapper;

/** What the OIDC and SAML break-glass mappers share: their name in the admin console and the elevation they state. */
interface BreakGlassMapper extends ProtocolMapper {

    @Override
    default String getDisplayType() {
        return "HIPAA break-glass purpose of use";
    }

    @Override
    default String getHelpText() {
        return "While the session holds unexpired break-glass access: " + statement() + ".";
    }

    /** What this mapper states, for the help text. */
    String statement();

    /** The session's elevation while it lasts; after its end nothing is stated. */
    default Optional<Elevation> elevationOf(UserSessionModel userSession) {
        return Elevation.activeIn(userSession, Time.currentTime());
    }
}

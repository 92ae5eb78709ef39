package org.hipaaiam.auth.assurance;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.util.AcrStore;

/**
 * The NIST SP 800-63B authenticator assurance level a sign-in reached, kept as Keycloak's level of authentication
 * so that Keycloak's own `acr` mapper names it with the realm's LoA mapping (`acr.loa.map`). Only the level of this
 * sign-in is kept, not Keycloak's map of earlier levels: a session reused through SSO claims no level (`acr` "0").
 */
public final class Assurance {

    /** One factor: badge + PIN (the badge number identifies, it proves nothing; the PIN is the one factor). */
    public static final int AAL1 = 1;
    /** Two factors: password + one-time code, or a WebAuthn key with user verification (a multi-factor authenticator). */
    public static final int AAL2 = 2;

    private Assurance() {
    }

    /** Records that this sign-in reached `level`; a higher level reached before in the same sign-in stays. */
    public static void reached(AuthenticationFlowContext context, int level) {
        AcrStore acr = new AcrStore(context.getSession(), context.getAuthenticationSession());
        if (acr.getLevelOfAuthenticationFromCurrentAuthentication() < level) {
            acr.setLevelAuthenticatedToCurrentRequest(level);
        }
    }
}

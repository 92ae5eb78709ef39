package org.hipaaiam.logoff.enforce;

import java.util.List;
import org.hipaaiam.core.provider.FlowStepFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/** The SSO cookie step under the realm's idle policies; the shipped browser flow uses it instead of `auth-cookie`. */
public final class IdleCookieAuthenticatorFactory extends FlowStepFactory {

    public static final String ID = "hipaa-idle-cookie";

    public IdleCookieAuthenticatorFactory() {
        super(ID, new IdleCookieAuthenticator(), "Cookie with idle policies (HIPAA)",
                "SSO cookie reuse that unlocks locked sessions and ends sessions idle past their class's policy.", null, List.of(),
                Requirement.ALTERNATIVE, Requirement.DISABLED);
    }
}

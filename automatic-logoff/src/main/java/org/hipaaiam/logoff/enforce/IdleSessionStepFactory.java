package org.hipaaiam.logoff.enforce;

import java.util.List;
import org.hipaaiam.core.provider.FlowStepFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;

/** The browser flow's last step: classifies new sessions, counts activity, finishes an unlock. */
public final class IdleSessionStepFactory extends FlowStepFactory {

    public static final String ID = "hipaa-idle-session";

    public IdleSessionStepFactory() {
        super(ID, new IdleSessionStep(), "Idle policy of the session (HIPAA)",
                "Gives a new session its workstation class or client policy and unlocks a locked session after its factor.",
                null, List.of(),
                Requirement.REQUIRED, Requirement.DISABLED);
    }
}

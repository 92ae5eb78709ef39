package org.hipaaiam.auth.assurance;

import java.util.List;
import org.hipaaiam.core.provider.FlowStepFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;

/** `hipaa-assurance-level`: records the assurance level the sign-in path it closes reaches. */
public final class AssuranceLevelStepFactory extends FlowStepFactory {

    public static final String ID = "hipaa-assurance-level";

    public AssuranceLevelStepFactory() {
        super(ID, new AssuranceLevelStep(), "Assurance level reached (HIPAA)",
                "Records the NIST SP 800-63B assurance level (1 or 2) the sign-in path reaches, for the token's acr.", null,
                List.of(new ProviderConfigProperty(AssuranceLevelStep.LEVEL, "Level", "1 (one factor) or 2 (two factors).",
                        ProviderConfigProperty.LIST_TYPE, "2", "1", "2")),
                Requirement.REQUIRED, Requirement.DISABLED);
    }
}

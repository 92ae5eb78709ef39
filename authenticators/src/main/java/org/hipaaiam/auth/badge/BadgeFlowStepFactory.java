package org.hipaaiam.auth.badge;

import java.util.List;
import org.hipaaiam.core.provider.FlowStepFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What the badge flow's steps have in common: required, alternative (the second factors: fingerprint or PIN) or
 * disabled, their `amr` contribution configurable, nothing to set up by users.
 */
public abstract class BadgeFlowStepFactory extends FlowStepFactory {

    /** The keys Keycloak's amr mapper reads from an execution's config (RFC 8176 value and max age). */
    private static final List<ProviderConfigProperty> AMR = List.of(
            new ProviderConfigProperty("default.reference.value", "AMR value",
                    "RFC 8176 method this step contributes to the token's amr claim (empty: none).", ProviderConfigProperty.STRING_TYPE, null),
            new ProviderConfigProperty("default.reference.maxAge", "AMR max age (seconds)",
                    "How long the value stays in tokens after the step; 0 drops it.", ProviderConfigProperty.STRING_TYPE, "0"));

    /** `referenceCategory`: the credential category brute-force protection counts the step's failures under, or null. */
    protected BadgeFlowStepFactory(String id, Authenticator step, String displayType, String helpText, String referenceCategory) {
        super(id, step, displayType, helpText, referenceCategory, AMR, Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED);
    }
}

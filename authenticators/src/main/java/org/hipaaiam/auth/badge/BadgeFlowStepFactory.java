package org.hipaaiam.auth.badge;

import java.util.List;
import org.hipaaiam.core.provider.StatelessFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/** What the badge flow's steps have in common: required or disabled, configurable, nothing to set up by users. */
public abstract class BadgeFlowStepFactory implements AuthenticatorFactory, StatelessFactory<Authenticator> {

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};

    /** The keys the `oidc-amr-mapper` reads from an execution's config (RFC 8176 value and max age). */
    private static final List<ProviderConfigProperty> AMR = List.of(
            new ProviderConfigProperty("default.reference.value", "AMR value",
                    "RFC 8176 method this step contributes to the token's amr claim (empty: none).", ProviderConfigProperty.STRING_TYPE, null),
            new ProviderConfigProperty("default.reference.maxAge", "AMR max age (seconds)",
                    "How long the value stays in tokens after the step; 0 drops it.", ProviderConfigProperty.STRING_TYPE, "0"));

    private final String id;
    private final Authenticator step;
    private final String displayType;
    private final String helpText;
    private final String referenceCategory;

    /** `referenceCategory`: the credential category brute-force protection counts the step's failures under, or null. */
    protected BadgeFlowStepFactory(String id, Authenticator step, String displayType, String helpText, String referenceCategory) {
        this.id = id;
        this.step = step;
        this.displayType = displayType;
        this.helpText = helpText;
        this.referenceCategory = referenceCategory;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return step;
    }

    @Override
    public String getDisplayType() {
        return displayType;
    }

    @Override
    public String getHelpText() {
        return helpText;
    }

    @Override
    public String getReferenceCategory() {
        return referenceCategory;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    /** The AMR keys by default; a step with other settings overrides this. */
    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return AMR;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS.clone();
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }
}

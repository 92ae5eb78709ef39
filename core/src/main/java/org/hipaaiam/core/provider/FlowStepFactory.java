package org.hipaaiam.core.provider;

import java.util.List;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * The factory of one stateless flow step: its id, names, the requirements an admin may give it, its execution
 * settings (none: not configurable), and nothing for users to set up.
 */
public abstract class FlowStepFactory implements AuthenticatorFactory, StatelessFactory<Authenticator> {

    private final String id;
    private final Authenticator step;
    private final String displayType;
    private final String helpText;
    private final String referenceCategory;
    private final List<ProviderConfigProperty> settings;
    private final Requirement[] requirements;

    /** `referenceCategory`: the credential category brute-force protection counts the step's failures under, or null. */
    protected FlowStepFactory(String id, Authenticator step, String displayType, String helpText, String referenceCategory,
            List<ProviderConfigProperty> settings, Requirement... requirements) {
        this.id = id;
        this.step = step;
        this.displayType = displayType;
        this.helpText = helpText;
        this.referenceCategory = referenceCategory;
        this.settings = List.copyOf(settings);
        this.requirements = requirements.clone();
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
        return !getConfigProperties().isEmpty();
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return settings;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return requirements.clone();
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }
}

package org.hipaaiam.logoff.enforce;

import java.util.List;
import org.hipaaiam.core.provider.StatelessFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/** What the automatic-logoff flow steps share: one stateless step, no settings, nothing for users to set up. */
abstract class LogoffStepFactory implements AuthenticatorFactory, StatelessFactory<Authenticator> {

    private final String id;
    private final Authenticator step;
    private final String displayType;
    private final String helpText;
    private final Requirement requirement;

    LogoffStepFactory(String id, Authenticator step, String displayType, String helpText, Requirement requirement) {
        this.id = id;
        this.step = step;
        this.displayType = displayType;
        this.helpText = helpText;
        this.requirement = requirement;
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final Authenticator create(KeycloakSession session) {
        return step;
    }

    @Override
    public final String getDisplayType() {
        return displayType;
    }

    @Override
    public final String getHelpText() {
        return helpText;
    }

    @Override
    public final String getReferenceCategory() {
        return null;
    }

    @Override
    public final boolean isConfigurable() {
        return false;
    }

    @Override
    public final Requirement[] getRequirementChoices() {
        return new Requirement[]{requirement, Requirement.DISABLED};
    }

    @Override
    public final boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}

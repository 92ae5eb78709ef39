package org.hipaaiam.auth.workstation;

import java.util.List;
import org.hipaaiam.auth.badge.BadgeFlowStepFactory;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

/** `hipaa-condition-badge-location`: selects the badge + PIN path at badge locations, the password path elsewhere. */
public final class BadgeLocationConditionFactory extends BadgeFlowStepFactory implements ConditionalAuthenticatorFactory {

    public static final String ID = "hipaa-condition-badge-location";
    /** Client note set when the user picks "password and one-time code" on the tap page; survives a flow reset. */
    public static final String PASSWORD_CHOSEN = "hipaa.signIn.passwordChosen";
    static final String NEGATE = "negate";
    private static final BadgeLocationCondition CONDITION = new BadgeLocationCondition();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return CONDITION;
    }

    @Override
    public ConditionalAuthenticator getSingleton() {
        return CONDITION;
    }

    @Override
    public String getDisplayType() {
        return "Condition - badge location (HIPAA)";
    }

    @Override
    public String getHelpText() {
        return "True at a registered workstation, a configured badge network, or during a declared emergency.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        ProviderConfigProperty negate = new ProviderConfigProperty(NEGATE, "Negate", "True everywhere badge + PIN is NOT allowed.",
                ProviderConfigProperty.BOOLEAN_TYPE, "false");
        return List.of(negate);
    }

}

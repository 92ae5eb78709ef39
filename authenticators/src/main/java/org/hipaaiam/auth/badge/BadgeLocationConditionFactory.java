package org.hipaaiam.auth.badge;

import java.util.List;
import org.hipaaiam.core.settings.Setting;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** `hipaa-condition-badge-location`: selects the badge + PIN path at badge locations, the password path elsewhere. */
public final class BadgeLocationConditionFactory extends BadgeFlowStepFactory implements ConditionalAuthenticatorFactory {

    public static final String ID = "hipaa-condition-badge-location";
    /** Execution config: true everywhere badge + PIN is NOT offered (the password path's condition). */
    static final Setting<Boolean> NEGATE = Setting.flag("negate", false);
    private static final BadgeLocationCondition CONDITION = new BadgeLocationCondition();

    public BadgeLocationConditionFactory() {
        super(ID, CONDITION, "Condition - badge location (HIPAA)",
                "True at a registered workstation, a configured badge network, or during a declared emergency.", REFERENCE_CATEGORY);
    }

    @Override
    public ConditionalAuthenticator getSingleton() {
        return CONDITION;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of(new ProviderConfigProperty(NEGATE.key(), "Negate", "True everywhere badge + PIN is NOT allowed.",
                ProviderConfigProperty.BOOLEAN_TYPE, NEGATE.defaultValue().toString()));
    }
}

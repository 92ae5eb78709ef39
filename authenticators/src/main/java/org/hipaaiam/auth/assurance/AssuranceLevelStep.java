package org.hipaaiam.auth.assurance;

import org.hipaaiam.core.provider.FlowStep;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.AuthenticatorConfigModel;

/** `hipaa-assurance-level`: placed after a path's last factor, records the level that path reaches (its config `level`). */
final class AssuranceLevelStep extends FlowStep {

    static final String LEVEL = "level";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        String level = config == null || config.getConfig() == null ? null : config.getConfig().get(LEVEL);
        // an unset or unreadable level claims the lowest: a configuration mistake never raises assurance
        Assurance.reached(context, parse(level));
        context.success();
    }

    static int parse(String level) {
        try {
            return level == null ? Assurance.AAL1 : Math.max(Assurance.AAL1, Math.min(Assurance.AAL2, Integer.parseInt(level.trim())));
        } catch (NumberFormatException unreadable) {
            return Assurance.AAL1;
        }
    }
}

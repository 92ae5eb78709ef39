package org.hipaaiam.auth.workstation;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Flow condition: true where badge + PIN is allowed (see {@link BadgeLocation}) and the person at the screen has
 * not chosen the password path. With `negate` it selects the password + one-time-code path instead.
 */
final class BadgeLocationCondition implements ConditionalAuthenticator {

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        boolean badgePath = !"true".equals(context.getAuthenticationSession().getClientNote(BadgeLocationConditionFactory.PASSWORD_CHOSEN))
                && BadgeLocation.of(context.getRealm(), context.getConnection().getRemoteAddr()).allowsBadge();
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        boolean negate = config != null && config.getConfig() != null && Boolean.parseBoolean(config.getConfig().get(BadgeLocationConditionFactory.NEGATE));
        return badgePath != negate;
    }

    @Override
    public void action(AuthenticationFlowContext context) {
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}

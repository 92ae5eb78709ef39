package org.hipaaiam.auth.badge;

import org.hipaaiam.auth.workstation.BadgeLocation;
import org.hipaaiam.core.provider.FlowStep;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/**
 * Flow condition: true where badge + PIN is offered and the person at the screen has not chosen the password path.
 * With `negate` it selects the password + one-time-code path instead. A realm that has not enabled the bundle's
 * policies offers no badge sign-in anywhere, so the shipped flow bound there is password + one-time code only.
 */
final class BadgeLocationCondition extends FlowStep implements ConditionalAuthenticator {

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        return offersBadge(context) != negated(context);
    }

    private static boolean offersBadge(AuthenticationFlowContext context) {
        RealmModel realm = context.getRealm();
        return BundleScope.policiesApply(realm)
                && !"true".equals(context.getAuthenticationSession().getClientNote(BadgeSignIn.PASSWORD_CHOSEN))
                && BadgeLocation.of(context.getSession(), realm, context.getConnection().getRemoteAddr()).allowsBadge();
    }

    private static boolean negated(AuthenticationFlowContext context) {
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        return RealmSettings.of(context.getSession(), context.getRealm(), config == null ? null : config.getConfig())
                .get(BadgeLocationConditionFactory.NEGATE);
    }
}

package org.hipaaiam.auth.pin;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.hipaaiam.auth.badge.BadgeFlowStep;
import org.hipaaiam.auth.badge.BadgeSignIn;
import org.hipaaiam.auth.vocabulary.BadgeEvents;
import org.hipaaiam.auth.assurance.Assurance;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Errors;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * The PIN pad after a tap. Every refusal (unknown, revoked or disabled badge, wrong or locked PIN, brute-force
 * lockout) shows the same message; the audit record says which it was. Wrong PINs count in the PIN's own
 * counter and, as `password`-category failures, in Keycloak's brute-force protection.
 */
final class BadgePinAuthenticator extends BadgeFlowStep {

    static final String FIELD = "pin";

    /** The page's "other badge" button starts over at the tap page. */
    BadgePinAuthenticator() {
        super("hipaa-badge-pin.ftl", "other-badge");
    }

    @Override
    protected void submitted(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        String pin = form.getFirst(FIELD);
        UserModel user = context.getUser();
        RealmModel realm = context.getRealm();
        PinCredential pins = new PinCredential(context.getSession(), realm);
        if (user != null && realm.isBruteForceProtected()
                && context.getSession().getProvider(BruteForceProtector.class).isTemporarilyDisabled(context.getSession(), realm, user)) {
            // as slow as a PIN check: the timing must not tell a locked-out badge from an unknown one
            pins.hashInVain(pin);
            context.getEvent().user(user).detail(AuditDetails.HIPAA_EVENT, BadgeEvents.SIGN_IN_FAILED)
                    .detail(AuditDetails.REASON, "brute_force_lockout").error(Errors.USER_TEMPORARILY_DISABLED);
            context.forceChallenge(page(context, BadgeSignIn.GENERIC_ERROR));
            return;
        }
        PinPolicy policy = PinPolicy.of(context.getSession(), realm);
        PinCredential.Check check = pins.check(user, pin, policy);
        if (user == null || check != PinCredential.Check.ACCEPTED) {
            String reason = user == null ? context.getAuthenticationSession().getAuthNote(BadgeSignIn.UNRECOGNISED) + "_badge"
                    : check.name().toLowerCase(Locale.ROOT);
            if (user != null) {
                context.getEvent().user(user);
            }
            context.getEvent().detail(AuditDetails.HIPAA_EVENT, BadgeEvents.SIGN_IN_FAILED).detail(AuditDetails.REASON, reason)
                    .error(Errors.INVALID_USER_CREDENTIALS);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page(context, BadgeSignIn.GENERIC_ERROR));
            return;
        }
        Assurance.reached(context, Assurance.AAL1);
        signedIn(context);
    }

    @Override
    protected Response page(AuthenticationFlowContext context, String error) {
        PinPolicy policy = PinPolicy.of(context.getSession(), context.getRealm());
        return render(context.form()
                .setAttribute("hipaaPinMaxLength", policy.maxLength())
                .setAttribute("hipaaPinDigitsOnly", policy.digitsOnly()), error);
    }
}

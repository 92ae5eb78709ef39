package org.hipaaiam.auth.badge;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.hipaaiam.auth.vocabulary.BadgeEvents;
import org.hipaaiam.auth.workstation.BadgeLocation;
import org.hipaaiam.auth.workstation.TapAssertion;
import org.hipaaiam.auth.workstation.TapNonces;
import org.hipaaiam.auth.workstation.Workstation;
import org.hipaaiam.auth.workstation.WorkstationRegistry;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.SessionNotes;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The tap page: a keyboard-wedge reader types the badge number (or its agent a signed tap assertion) into the
 * focused field and presses Enter. Identifies the user without a username; whatever the badge, the PIN page
 * follows, so nobody learns from this step whether a badge is known.
 */
final class BadgeTapAuthenticator extends BadgeFlowStep {

    static final String FIELD = "badge";

    BadgeTapAuthenticator() {
        super("hipaa-badge-tap.ftl", "use-password");
    }

    /** The person chose password and one-time code instead. */
    @Override
    protected void startingOver(AuthenticationFlowContext context) {
        context.getAuthenticationSession().setClientNote(BadgeSignIn.PASSWORD_CHOSEN, "true");
    }

    @Override
    protected void submitted(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        String typed = form.getFirst(FIELD);
        RealmModel realm = context.getRealm();
        String remoteAddress = context.getConnection().getRemoteAddr();
        BadgeLocation location = BadgeLocation.of(context.getSession(), realm, remoteAddress);
        Optional<Workstation> workstation = location.workstation();
        String badgeText = typed;
        if (TapAssertion.looksLikeAssertion(typed)) {
            long now = Time.currentTime();
            TapAssertion.Result result = TapAssertion.verify(typed, new WorkstationRegistry(context.getSession(), realm)::find, realm.getName(), now);
            if (result.verified().isEmpty()) {
                refuseTap(context, result.refusal().name().toLowerCase(Locale.ROOT));
                return;
            }
            TapAssertion.Verified tap = result.verified().get();
            if (!tap.workstation().comesFrom(BadgeLocation.address(remoteAddress))) {
                refuseTap(context, "wrong_network");
                return;
            }
            if (!TapNonces.spend(context.getSession(), realm, tap, now)) {
                refuseTap(context, "replayed");
                return;
            }
            workstation = Optional.of(tap.workstation());
            badgeText = tap.badge();
        } else if (!location.allowsBadge()) {
            refuseTap(context, "location_not_allowed");
            return;
        }
        Optional<BadgeNumber> badge = BadgeNumber.parse(badgeText);
        if (badge.isEmpty()) {
            context.challenge(page(context, "hipaaBadgeUnreadable"));
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        workstation.ifPresent(w -> {
            authSession.setUserSessionNote(SessionNotes.WORKSTATION_ID, w.id());
            authSession.setUserSessionNote(SessionNotes.WORKSTATION_CLASS, w.workstationClass().wireName());
        });
        authSession.setAuthNote(BadgeSignIn.BADGE_PATH, "true");
        identify(context, badge.get());
        context.success();
    }

    /** Sets the badge's holder as the user, or records why there is none; the PIN step refuses the latter. */
    private static void identify(AuthenticationFlowContext context, BadgeNumber badge) {
        BadgeDirectory directory = new BadgeDirectory(context.getSession(), context.getRealm(), BadgeKeyFile.key());
        Optional<UserModel> holder = directory.holderOf(badge);
        if (holder.isPresent() && holder.get().isEnabled() && BadgeDirectory.mayHoldBadge(context.getSession(), context.getRealm(), holder.get())) {
            // a forced re-sign-in (prompt=login) carries the browser's previous user: at a shared workstation
            // the person tapping now is who signs in
            context.clearUser();
            context.setUser(holder.get());
            context.getAuthenticationSession().removeAuthNote(BadgeSignIn.UNRECOGNISED);
            return;
        }
        String reason = holder.isEmpty() ? (directory.isRevoked(badge) ? "revoked" : "unknown")
                : holder.get().isEnabled() ? "account-not-eligible" : "disabled";
        context.clearUser();
        context.getAuthenticationSession().setAuthNote(BadgeSignIn.UNRECOGNISED, reason);
    }

    private void refuseTap(AuthenticationFlowContext context, String reason) {
        context.getEvent()
                .detail(AuditDetails.HIPAA_EVENT, BadgeEvents.TAP_REFUSED)
                .detail(AuditDetails.REASON, reason)
                .error(Errors.INVALID_USER_CREDENTIALS);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page(context, BadgeSignIn.GENERIC_ERROR));
    }

    @Override
    protected Response page(AuthenticationFlowContext context, String error) {
        BadgeLocation location = BadgeLocation.of(context.getSession(), context.getRealm(), context.getConnection().getRemoteAddr());
        return render(context.form()
                .setAttribute("hipaaEmergency", location.basis() == BadgeLocation.Basis.EMERGENCY)
                .setAttribute("hipaaWorkstationLocation", location.workstation().map(Workstation::location).orElse("")), error);
    }
}

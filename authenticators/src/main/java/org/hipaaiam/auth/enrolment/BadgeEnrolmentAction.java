package org.hipaaiam.auth.enrolment;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.hipaaiam.auth.badge.BadgeDirectory;
import org.hipaaiam.auth.badge.BadgeKeyFile;
import org.hipaaiam.auth.badge.BadgeNumber;
import org.hipaaiam.auth.badge.BadgeSignIn;
import org.hipaaiam.auth.pin.PinCredential;
import org.hipaaiam.auth.pin.PinPolicy;
import org.hipaaiam.auth.vocabulary.BadgeEvents;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

/**
 * Badge enrolment after a full password + one-time-code sign-in: the user taps a badge (if none is bound yet) and
 * sets a PIN (if none is set). Refused during a badge sign-in, so a PIN can never be reset with the badge alone.
 */
final class BadgeEnrolmentAction implements RequiredActionProvider {

    static final String PAGE = "hipaa-badge-enrol.ftl";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        // set by an admin (or by the admin API's PIN reset); never added on its own
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(page(context, null, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        UserModel user = context.getUser();
        if (context.getAuthenticationSession().getAuthNote(BadgeSignIn.BADGE_PATH) != null) {
            context.challenge(page(context, null, "hipaaEnrolNeedsFullSignIn"));
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        boolean needsBadge = !BadgeDirectory.hasBadge(user);
        Optional<BadgeNumber> badge = Optional.empty();
        if (needsBadge) {
            badge = BadgeNumber.parse(form.getFirst("badge"));
            if (badge.isEmpty()) {
                context.challenge(page(context, "badge", "hipaaBadgeUnreadable"));
                return;
            }
        }
        String pin = form.getFirst("pin");
        Optional<PinPolicy.Violation> violation = PinPolicy.of(context.getSession(), context.getRealm()).check(pin);
        if (violation.isPresent()) {
            context.challenge(page(context, "pin", violation.get().messageKey()));
            return;
        }
        if (!pin.equals(form.getFirst("pin-confirm"))) {
            context.challenge(page(context, "pin-confirm", "hipaaPinMismatch"));
            return;
        }
        if (badge.isPresent()) {
            Optional<BadgeDirectory.Conflict> conflict = new BadgeDirectory(context.getSession(), context.getRealm(), BadgeKeyFile.key())
                    .assign(user, badge.get(), Time.currentTime());
            if (conflict.isPresent()) {
                context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL_ERROR).user(user)
                        .detail(AuditDetails.HIPAA_EVENT, BadgeEvents.ENROLMENT_REFUSED)
                        .detail(AuditDetails.REASON, conflict.get().name().toLowerCase(Locale.ROOT))
                        .error(Errors.INVALID_INPUT);
                context.challenge(page(context, "badge", "hipaaBadgeNotEnrollable"));
                return;
            }
        }
        new PinCredential(context.getSession(), context.getRealm()).set(user, pin);
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL).user(user)
                .detail(AuditDetails.HIPAA_EVENT, BadgeEvents.ENROLMENT)
                .detail(BadgeEvents.BADGE_BOUND, Boolean.toString(badge.isPresent()))
                .success();
        context.success();
    }

    private static Response page(RequiredActionContext context, String field, String error) {
        var form = context.form()
                .setAttribute("hipaaNeedsBadge", !BadgeDirectory.hasBadge(context.getUser()))
                .setAttribute("hipaaPinMinLength", PinPolicy.of(context.getSession(), context.getRealm()).minLength());
        if (error != null) {
            if (field == null) {
                form.setError(error);
            } else {
                form.addError(new org.keycloak.models.utils.FormMessage(field, error));
            }
        }
        return form.createForm(PAGE);
    }

    @Override
    public void close() {
    }
}

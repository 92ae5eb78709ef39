package org.hipaaiam.biometric.signin;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.util.exception.WebAuthnException;
import org.hipaaiam.auth.assurance.Assurance;
import org.hipaaiam.auth.badge.BadgeFlowStep;
import org.hipaaiam.biometric.attempts.FingerprintAttemptStore;
import org.hipaaiam.biometric.attempts.FingerprintAttempts;
import org.hipaaiam.biometric.enrolment.EnrolmentFacts;
import org.hipaaiam.biometric.enrolment.FingerprintEnrolmentActionFactory;
import org.hipaaiam.biometric.metadata.AuthenticatorModel;
import org.hipaaiam.biometric.metadata.ModelVerdict;
import org.hipaaiam.biometric.vocabulary.BiometricEvents;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.SessionNotes;
import org.keycloak.WebAuthnConstants;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.common.util.Base64Url;
import org.keycloak.common.util.Time;
import org.keycloak.common.util.UriUtils;
import org.keycloak.credential.WebAuthnCredentialModelInput;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * The fingerprint after a badge tap, in place of the PIN, which stays one button away on the page and takes over
 * whenever the fingerprint cannot be used (no key enrolled through the bundle, too many failures, a model the
 * metadata no longer admits). 1:1: the tap names the user, the page asks only for that user's enrolled keys, with
 * user verification required. At each sign-in the key's model is checked again against current FIDO metadata; each
 * attempt is recorded with the model and the outcome; consecutive failures are counted per user.
 */
final class FingerprintStep extends BadgeFlowStep {

    static final String USE_PIN = "use-pin";
    private static final String CHALLENGE = "hipaa.fingerprint.challenge";

    FingerprintStep() {
        super("hipaa-fingerprint.ftl", "other-badge");
    }

    @Override
    protected boolean appliesTo(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        // an unknown badge goes on to the PIN page, which refuses it like any wrong PIN
        return user != null && !EnrolledKeys.of(user).none()
                && FingerprintAttemptStore.of(user).next(now()).kind() == FingerprintAttempts.Next.Kind.ALLOWED;
    }

    @Override
    protected void submitted(AuthenticationFlowContext context, MultivaluedMap<String, String> form) {
        UserModel user = context.getUser();
        if (form.containsKey(USE_PIN) || user == null) {
            context.attempted();
            return;
        }
        String browserError = form.getFirst(WebAuthnConstants.ERROR);
        if (browserError != null && !browserError.isBlank()) {
            failed(context, user, null, "not_allowed");
            return;
        }
        String credentialId = form.getFirst(WebAuthnConstants.CREDENTIAL_ID);
        Optional<EnrolmentFacts> key = credentialId == null ? Optional.empty() : EnrolledKeys.of(user).find(credentialId);
        if (key.isEmpty()) {
            failed(context, user, null, "key_not_enrolled");
            return;
        }
        ModelVerdict verdict = FingerprintEnrolmentActionFactory.metadata(context.getSession()).verdict(key.get().aaguid());
        if (verdict instanceof ModelVerdict.Refused refused) {
            // not the finger's failure: not counted; the key cannot be used now, the PIN can
            failure(context, user, key.get().model())
                    .detail(AuditDetails.REASON, "model_refused: " + refused.reason()).error(Errors.INVALID_USER_CREDENTIALS);
            context.forceChallenge(pinOnlyPage(context, "hipaaFingerprintModelRefused"));
            return;
        }
        AuthenticatorModel model = verdict.admitted().orElseThrow();
        if (!verified(context, user, form)) {
            failed(context, user, model.description(), "assertion_invalid");
            return;
        }
        FingerprintAttemptStore.save(user, FingerprintAttemptStore.of(user).succeeded());
        context.getAuthenticationSession().setUserSessionNote(SessionNotes.PROVEN_AMR, String.join(" ", model.userVerification().amr()));
        Assurance.reached(context, Assurance.AAL2);
        withModel(context.getEvent(), model.description())
                .detail(BiometricEvents.FACTOR, BiometricEvents.SIGN_IN_FACTOR)
                .detail(BiometricEvents.VERIFICATION, model.userVerification().name().toLowerCase(Locale.ROOT));
        signedIn(context);
    }

    /** The assertion checked by Keycloak's WebAuthn credential provider: signature, challenge, origin, RP id, counter, UV. */
    private static boolean verified(AuthenticationFlowContext context, UserModel user, MultivaluedMap<String, String> form) {
        String challenge = context.getAuthenticationSession().getAuthNote(CHALLENGE);
        context.getAuthenticationSession().removeAuthNote(CHALLENGE); // one assertion per challenge
        try {
            if (challenge == null) {
                return false;
            }
            ServerProperty server = new ServerProperty(new Origin(UriUtils.getOrigin(context.getUriInfo().getBaseUri())), rpId(context),
                    new DefaultChallenge(challenge));
            WebAuthnCredentialModelInput input = new WebAuthnCredentialModelInput(WebAuthnCredentialModel.TYPE_TWOFACTOR);
            input.setAuthenticationRequest(new AuthenticationRequest(decoded(form, WebAuthnConstants.CREDENTIAL_ID),
                    decoded(form, WebAuthnConstants.AUTHENTICATOR_DATA), decoded(form, WebAuthnConstants.CLIENT_DATA_JSON),
                    decoded(form, WebAuthnConstants.SIGNATURE)));
            input.setAuthenticationParameters(new WebAuthnCredentialModelInput.KeycloakWebAuthnAuthenticationParameters(server, true));
            return user.credentialManager().isValid(input);
        } catch (WebAuthnException | IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] decoded(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return Base64Url.decode(value);
    }

    /**
     * A failure counted by the step's own biometric limits: the page again, or the PIN alone once the failures call
     * for a delay. Not counted by Keycloak's brute-force protection, whose lockout would take the PIN away too.
     */
    private void failed(AuthenticationFlowContext context, UserModel user, String model, String reason) {
        FingerprintAttempts attempts = FingerprintAttemptStore.of(user).failedAt(now());
        FingerprintAttemptStore.save(user, attempts);
        failure(context, user, model)
                .detail(AuditDetails.REASON, reason)
                .detail(BiometricEvents.CONSECUTIVE_FAILURES, Integer.toString(attempts.consecutiveFailures()))
                .error(Errors.INVALID_USER_CREDENTIALS);
        Response page = attempts.next(now()).kind() == FingerprintAttempts.Next.Kind.ALLOWED
                ? page(context, "hipaaFingerprintFailed")
                : pinOnlyPage(context, "hipaaFingerprintTooManyFailures");
        context.challenge(page);
    }

    /** A record of its own for a failed attempt: the flow's builder goes on to the sign-in's LOGIN record untouched. */
    private static EventBuilder failure(AuthenticationFlowContext context, UserModel user, String model) {
        return withModel(context.getEvent().clone().event(EventType.LOGIN_ERROR).user(user)
                .detail(AuditDetails.HIPAA_EVENT, BiometricEvents.SIGN_IN_FAILED), model);
    }

    private static EventBuilder withModel(EventBuilder event, String model) {
        return model == null ? event : event.detail(BiometricEvents.MODEL, model);
    }

    @Override
    protected Response page(AuthenticationFlowContext context, String error) {
        String challenge = Base64Url.encode(new DefaultChallenge().getValue());
        context.getAuthenticationSession().setAuthNote(CHALLENGE, challenge);
        return render(context.form()
                .setAttribute("hipaaFingerprintOffered", true)
                .setAttribute("hipaaChallenge", challenge)
                .setAttribute("hipaaRpId", rpId(context))
                .setAttribute("hipaaCredentialIds", EnrolledKeys.of(context.getUser()).credentialIds())
                .setAttribute("hipaaTimeoutMillis", 60_000), error);
    }

    /** The page without the fingerprint: only the PIN button and the message. */
    private Response pinOnlyPage(AuthenticationFlowContext context, String error) {
        context.getAuthenticationSession().removeAuthNote(CHALLENGE);
        return render(context.form().setAttribute("hipaaFingerprintOffered", false), error);
    }

    private static String rpId(AuthenticationFlowContext context) {
        String configured = context.getRealm().getWebAuthnPolicy().getRpId();
        return configured == null || configured.isBlank() ? context.getUriInfo().getBaseUri().getHost() : configured;
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Time.currentTimeMillis());
    }
}

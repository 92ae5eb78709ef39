package org.hipaaiam.biometric.enrolment;

import java.util.Locale;
import java.util.Map;
import jakarta.ws.rs.core.Response;
import com.webauthn4j.WebAuthnRegistrationManager;
import org.hipaaiam.biometric.attempts.FingerprintAttemptStore;
import org.hipaaiam.biometric.attempts.FingerprintAttempts;
import org.hipaaiam.biometric.vocabulary.BiometricEvents;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.keycloak.WebAuthnConstants;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.WebAuthnRegister;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.WebAuthnPolicy;
import org.keycloak.utils.StringUtil;

/**
 * Enrols a fingerprint authenticator after a full sign-in: Keycloak's WebAuthn registration page and credential,
 * with the bundle's rules in place of Keycloak's trust store ({@link EnrolmentTrust}): direct attestation asked
 * for and required, user verification required, the model admitted by current FIDO metadata. What the enrolment
 * proved goes into the audit record and beside the credential.
 */
final class FingerprintEnrolmentAction extends WebAuthnRegister {

    private final EnrolmentTrust trust;
    private RequiredActionContext current;
    private EnrolmentFacts accepted;

    FingerprintEnrolmentAction(KeycloakSession session, EnrolmentTrust trust) {
        super(session, null);
        this.trust = trust;
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (!FullSignIn.in(context.getRealm(), context.getAuthenticationSession())) {
            refuseWithoutFullSignIn(context);
            return;
        }
        super.requiredActionChallenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (!FullSignIn.in(context.getRealm(), context.getAuthenticationSession())) {
            refuseWithoutFullSignIn(context);
            return;
        }
        accepted = null;
        current = context;
        if (!StringUtil.isBlank(context.getHttpRequest().getDecodedFormParameters().getFirst(WebAuthnConstants.ERROR))) {
            markRefused(context); // the browser's own refusal (no user verification, cancelled), which Keycloak records
        }
        try {
            super.processAction(context);
        } finally {
            // The flow's one event builder goes on to the sign-in's LOGIN event: it must not carry the refusal mark.
            Map<String, String> details = context.getEvent().getEvent().getDetails();
            if (details != null) {
                details.remove(AuditDetails.HIPAA_EVENT);
            }
        }
        if (accepted != null && FingerprintEnrolments.of(context.getUser()).keep(accepted)) {
            FingerprintAttemptStore.save(context.getUser(), FingerprintAttempts.NONE);
            recordEnrolment(context, accepted);
        }
    }

    /** One record of what the enrolment proved, beside Keycloak's own UPDATE_CREDENTIAL. */
    private static void recordEnrolment(RequiredActionContext context, EnrolmentFacts facts) {
        context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION).user(context.getUser())
                .detail(AuditDetails.HIPAA_EVENT, BiometricEvents.ENROLMENT)
                .detail(BiometricEvents.MODEL, facts.model())
                .detail(BiometricEvents.ATTESTATION_FORMAT, facts.attestationFormat())
                .detail(BiometricEvents.ATTESTATION_CERTIFICATE_SHA256, facts.attestationCertificateSha256())
                .detail(BiometricEvents.METADATA_NUMBER, Integer.toString(facts.metadataNumber()))
                .detail(BiometricEvents.CERTIFICATION, facts.certificationStatus())
                .detail(BiometricEvents.VERIFICATION, facts.userVerification().name().toLowerCase(Locale.ROOT))
                .success();
    }

    /** A copy of the realm's WebAuthn policy with what a fingerprint enrolment cannot do without. */
    @Override
    protected WebAuthnPolicy getWebAuthnPolicy(RequiredActionContext context) {
        WebAuthnPolicy realm = context.getRealm().getWebAuthnPolicy();
        WebAuthnPolicy policy = new WebAuthnPolicy(realm.getSignatureAlgorithm());
        policy.setRpEntityName(realm.getRpEntityName());
        policy.setRpId(realm.getRpId());
        policy.setAuthenticatorAttachment(realm.getAuthenticatorAttachment());
        policy.setRequireResidentKey(realm.getRequireResidentKey());
        policy.setResidentKey(realm.getResidentKey());
        policy.setCreateTimeout(realm.getCreateTimeout());
        policy.setAvoidSameAuthenticatorRegister(realm.isAvoidSameAuthenticatorRegister());
        policy.setAcceptableAaguids(realm.getAcceptableAaguids());
        policy.setExtraOrigins(realm.getExtraOrigins());
        policy.setAttestationConveyancePreference("direct");
        policy.setUserVerificationRequirement(Constants.WEBAUTHN_POLICY_OPTION_REQUIRED);
        return policy;
    }

    @Override
    protected WebAuthnRegistrationManager createWebAuthnRegistrationManager(WebAuthnPolicy policy) {
        return trust.registrationManager(facts -> accepted = facts, () -> markRefused(current));
    }

    /** Keycloak records the refusal as an error event of the flow's builder: mark that record as the bundle's. */
    private static void markRefused(RequiredActionContext context) {
        context.getEvent().detail(AuditDetails.HIPAA_EVENT, BiometricEvents.ENROLMENT_REFUSED);
    }

    private static void refuseWithoutFullSignIn(RequiredActionContext context) {
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL_ERROR).user(context.getUser())
                .detail(AuditDetails.HIPAA_EVENT, BiometricEvents.ENROLMENT_REFUSED)
                .detail(AuditDetails.REASON, "needs a full sign-in with password and one-time code")
                .error(Errors.INVALID_REQUEST);
        context.challenge(context.form().setError("hipaaFingerprintNeedsFullSignIn")
                .createErrorPage(Response.Status.FORBIDDEN));
    }
}

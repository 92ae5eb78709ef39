package org.hipaaiam.biometric.vocabulary;

/**
 * The `hipaa_event` values fingerprint enrolment and sign-in emit, and the event details only they add (the shared
 * keys, `hipaa_event` and `reason`, are core's). Alert rules and auditors' queries read these names.
 */
public final class BiometricEvents {

    /** A fingerprint authenticator was enrolled after a full sign-in. */
    public static final String ENROLMENT = "fingerprint-enrolment";
    /** An enrolment was refused (metadata, attestation, user verification, or no full sign-in). */
    public static final String ENROLMENT_REFUSED = "fingerprint-enrolment-refused";

    /** A badge sign-in's second factor was the fingerprint (the record is Keycloak's LOGIN, `hipaa_event` stays the badge's). */
    public static final String SIGN_IN_FACTOR = "fingerprint";
    /** A fingerprint attempt failed: browser refusal, bad assertion, a key not enrolled through the bundle, a model refused. */
    public static final String SIGN_IN_FAILED = "fingerprint-sign-in-failed";

    /** Detail: the second factor of a badge sign-in (`fingerprint`; absent for the PIN). */
    public static final String FACTOR = "factor";
    /** Detail: the user's consecutive fingerprint failures after this attempt. */
    public static final String CONSECUTIVE_FAILURES = "consecutive_failures";
    /** Detail: the model's description in the FIDO metadata. */
    public static final String MODEL = "authenticator_model";
    /** Detail: the attestation statement format (packed, tpm, android-key). */
    public static final String ATTESTATION_FORMAT = "attestation_format";
    /** Detail: hex SHA-256 of the attestation certificate. */
    public static final String ATTESTATION_CERTIFICATE_SHA256 = "attestation_certificate_sha256";
    /** Detail: the number (`no`) of the FIDO metadata BLOB the decision was made with. */
    public static final String METADATA_NUMBER = "metadata_number";
    /** Detail: the model's certification status at the decision. */
    public static final String CERTIFICATION = "certification_status";
    /** Detail: what the model's user verification proves: `fingerprint` or `user_verified`. */
    public static final String VERIFICATION = "user_verification";

    private BiometricEvents() {
    }
}

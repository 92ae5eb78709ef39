package org.hipaaiam.biometric.metadata;

/**
 * The FIDO metadata cannot be trusted (missing, unreadable, badly signed, its signer revoked or unknown, or stale):
 * enrolment and sign-in with a fingerprint are refused until an admin supplies a good BLOB. The message is the
 * reason an admin reads; it names files and checks, never key material.
 */
public final class MetadataUnavailable extends Exception {

    public MetadataUnavailable(String reason) {
        super(reason);
    }

    public MetadataUnavailable(String reason, Throwable cause) {
        super(reason, cause);
    }
}

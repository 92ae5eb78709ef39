package org.hipaaiam.biometric.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.hipaaiam.biometric.enrolment.EnrolmentFacts;

/**
 * One security key of a user as the fingerprint admin API answers it: Keycloak's credential (id, label, when it
 * was registered) and what its enrolment proved, or `enrolment` absent for a key registered outside the bundle's
 * enrolment (Keycloak's own WebAuthn registration), which the fingerprint step does not accept.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FingerprintView(String id, String label, Long createdDate, EnrolmentFacts enrolment) {
}

package org.hipaaiam.emergency.elevation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The `emergency_access` claim of OIDC tokens: until when, why, and the case to justify. */
record EmergencyAccessClaim(
        long until,
        @JsonProperty("reason_code") String reasonCode,
        @JsonProperty("case_id") String caseId) {

    static EmergencyAccessClaim of(Elevation elevation) {
        return new EmergencyAccessClaim(elevation.until(), elevation.reasonCode(), elevation.caseId());
    }
}

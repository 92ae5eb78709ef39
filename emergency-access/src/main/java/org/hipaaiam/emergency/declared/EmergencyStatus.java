package org.hipaaiam.emergency.declared;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Optional;

/** The answer of the declared-emergency API: whether one is in force and, if so, until when, why and by whom. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmergencyStatus(boolean active, Long until, String reason, String by) {

    static EmergencyStatus of(Optional<DeclaredEmergency> declared) {
        return declared.map(emergency -> new EmergencyStatus(true, emergency.until(), emergency.reason(), emergency.by()))
                .orElse(new EmergencyStatus(false, null, null, null));
    }
}

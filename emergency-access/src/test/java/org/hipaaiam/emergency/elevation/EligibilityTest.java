package org.hipaaiam.emergency.elevation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EligibilityTest {

    @Test
    void aClinicianMayElevateWithoutADeclaredEmergency() {
        assertTrue(Eligibility.refusal(true, true, false, false).isEmpty());
    }

    @Test
    void otherWorkforceAccountsMayElevateOnlyDuringADeclaredEmergency() {
        assertTrue(Eligibility.refusal(false, true, false, false).isPresent());
        assertTrue(Eligibility.refusal(false, true, true, false).isEmpty());
    }

    @Test
    void serviceAccountsNeverElevateWithoutTheRole() {
        assertTrue(Eligibility.refusal(false, false, true, false).isPresent());
    }

    @Test
    void anUnreviewedOverdueCaseBlocksEvenDuringAnEmergency() {
        assertTrue(Eligibility.refusal(true, true, true, true).isPresent());
    }
}

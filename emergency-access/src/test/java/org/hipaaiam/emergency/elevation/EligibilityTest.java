package org.hipaaiam.emergency.elevation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.hipaaiam.core.account.AccountKind;
import org.junit.jupiter.api.Test;

class EligibilityTest {

    private static Optional<String> refusal(boolean role, AccountKind kind, boolean declared, boolean blocked) {
        return new Eligibility(true, role, kind, declared, blocked, true).refusal();
    }

    @Test
    void aClinicianMayElevateWithoutADeclaredEmergency() {
        assertTrue(refusal(true, AccountKind.WORKFORCE, false, false).isEmpty());
    }

    @Test
    void otherPeoplesAccountsMayElevateOnlyDuringADeclaredEmergency() {
        assertTrue(refusal(false, AccountKind.WORKFORCE, false, false).isPresent());
        assertTrue(refusal(false, AccountKind.WORKFORCE, true, false).isEmpty());
        assertTrue(refusal(false, AccountKind.PRIVILEGED, true, false).isEmpty());
    }

    @Test
    void serviceAndReserveAccountsNeverElevateWithoutTheRole() {
        for (AccountKind kind : new AccountKind[] {AccountKind.SERVICE, AccountKind.EMERGENCY, AccountKind.DISASTER_RECOVERY}) {
            assertEquals(Optional.of("only workforce accounts may break the glass"), refusal(false, kind, true, false), kind.name());
        }
    }

    @Test
    void anUnreviewedOverdueCaseBlocksEvenDuringAnEmergency() {
        assertTrue(refusal(true, AccountKind.WORKFORCE, true, true).orElseThrow().contains("blocked"));
    }

    @Test
    void realmsWithoutTheBundlesPoliciesOfferNoBreakGlass() {
        assertEquals(Optional.of("break-glass is not enabled in this realm"),
                new Eligibility(false, true, AccountKind.WORKFORCE, true, false, true).refusal());
    }

    @Test
    void aStaleAuthenticationIsRefusedEvenForAClinician() {
        assertTrue(new Eligibility(true, true, AccountKind.WORKFORCE, false, false, false).refusal().orElseThrow().contains("fresh"));
    }

    @Test
    void aSignInThatRanTheFormsIsFreshAndAnSsoSessionOnlyWithinTheWindow() {
        assertTrue(Eligibility.isFresh(false, null, 1000, 0));
        assertTrue(Eligibility.isFresh(true, "700", 1000, 300));
        assertFalse(Eligibility.isFresh(true, "699", 1000, 300));
        assertFalse(Eligibility.isFresh(true, "1000", 1001, 0), "with the default 0 an SSO session never suffices");
        assertFalse(Eligibility.isFresh(true, null, 1000, 300));
        assertFalse(Eligibility.isFresh(true, "yesterday", 1000, 300));
    }
}

package org.hipaaiam.lifecycle.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RosterPlanTest {

    private static final Roster ROSTER = new Roster("r-1", Map.of("4821", Roster.Status.ACTIVE, "7310", Roster.Status.TERMINATED,
            "5532", Roster.Status.LEAVE, "9001", Roster.Status.ACTIVE, "9002", Roster.Status.TERMINATED));

    @Test
    void terminatedAndAbsentAccountsAreDisabledExemptOnesExcepted() {
        RosterPlan plan = RosterPlan.of(ROSTER, List.of(
                account("jsmith4821", "4821"), account("adm-jsmith4821", "4821"), account("tnguyen7310", "7310"),
                account("mbrown5532", "5532"), account("pkhan6620", "6620"),
                new RosterPlan.Account("svc-epic-hl7", "1234", Optional.of("username prefix svc-")),
                new RosterPlan.Account("er-cover", null, Optional.of("accountType emergency")),
                account("nobody", null)));

        assertEquals(List.of(new RosterPlan.Change("pkhan6620", "6620", "absent"), new RosterPlan.Change("tnguyen7310", "7310", "terminated")),
                plan.toDisable());
        assertEquals(List.of(new RosterPlan.Excepted("svc-epic-hl7", "1234", "absent", "username prefix svc-")), plan.excepted());
        assertEquals(List.of("nobody"), plan.unidentified(), "no employee number: reported, never disabled");
        assertEquals(List.of("9001"), plan.missing(), "active without an account; terminated and on-leave employees are not missing");
        assertEquals(5, plan.matchableAccounts());
        assertEquals(0.4, plan.disableFraction(), 1e-9);
    }

    @Test
    void theGuardTripsAboveTheAllowedShare() {
        RosterPlan plan = RosterPlan.of(new Roster("truncated", Map.of("4821", Roster.Status.ACTIVE)),
                List.of(account("jsmith4821", "4821"), account("tnguyen7310", "7310"), account("mbrown5532", "5532")));
        assertTrue(plan.exceeds(0.10));
        assertFalse(plan.exceeds(0.70));
        assertFalse(RosterPlan.of(ROSTER, List.of()).exceeds(0.0), "an empty realm disables nothing");
    }

    @Test
    void accountsOnLeaveThatHrTerminatedOrOmitsAreKeptDisabledAndCountAgainstTheGuard() {
        RosterPlan plan = RosterPlan.of(ROSTER, List.of(account("jsmith4821", "4821")), List.of(account("tnguyen7310", "7310"),
                account("mbrown5532", "5532"), account("pkhan6620", "6620"), new RosterPlan.Account("er-cover", "9100", Optional.of("accountType emergency"))));

        assertEquals(List.of(new RosterPlan.Change("pkhan6620", "6620", "absent"), new RosterPlan.Change("tnguyen7310", "7310", "terminated")),
                plan.keptDisabled(), "on leave per the roster: back when the leave ends; exempt accounts are left alone");
        assertEquals(List.of(), plan.toDisable(), "nothing enabled to disable");
        assertEquals(4, plan.matchableAccounts());
        assertEquals(0.5, plan.disableFraction(), 1e-9);
    }

    private static RosterPlan.Account account(String username, String employeeNumber) {
        return new RosterPlan.Account(username, employeeNumber, Optional.empty());
    }
}

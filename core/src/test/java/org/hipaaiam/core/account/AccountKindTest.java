package org.hipaaiam.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccountKindTest {

    @Test
    void usernamesFollowTheHospitalsConvention() {
        assertEquals(AccountKind.WORKFORCE, AccountKind.of("jsmith4821", null, false));
        assertEquals(AccountKind.PRIVILEGED, AccountKind.of("adm-jsmith4821", null, false));
        assertEquals(AccountKind.SERVICE, AccountKind.of("svc-epic-hl7", null, false));
        assertEquals(AccountKind.SERVICE, AccountKind.of("service-account-hr-feed", null, false));
    }

    @Test
    void keycloaksServiceAccountUsersAreServicesWhateverTheirName() {
        assertEquals(AccountKind.SERVICE, AccountKind.of("hr-connector", null, true));
    }

    @Test
    void theAccountTypeAttributeWins() {
        assertEquals(AccountKind.DISASTER_RECOVERY, AccountKind.of("adm-dreyes9001", "disaster-recovery", false));
        assertEquals(AccountKind.EMERGENCY, AccountKind.of("jdoe1234", " emergency ", false));
        assertEquals(AccountKind.SERVICE, AccountKind.of("jdoe1234", "service", false));
        assertEquals(AccountKind.WORKFORCE, AccountKind.of("jdoe1234", "something-else", false));
    }

    @Test
    void peopleAndReserves() {
        assertEquals(true, AccountKind.PRIVILEGED.isPerson());
        assertEquals(false, AccountKind.SERVICE.isPerson());
        assertEquals(true, AccountKind.DISASTER_RECOVERY.isEmergencyReserve());
        assertEquals(false, AccountKind.WORKFORCE.isEmergencyReserve());
    }
}

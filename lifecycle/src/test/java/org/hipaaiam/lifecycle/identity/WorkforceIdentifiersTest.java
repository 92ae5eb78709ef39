package org.hipaaiam.lifecycle.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkforceIdentifiersTest {

    @Test
    void conventionalNamesAreAccepted() {
        assertEquals(Optional.empty(), WorkforceIdentifiers.problemWith("jsmith4821", "4821"));
        assertEquals(Optional.empty(), WorkforceIdentifiers.problemWith("adm-jsmith4821", "4821"));
        assertEquals(Optional.empty(), WorkforceIdentifiers.problemWith("svc-epic-hl7", null));
        assertEquals(Optional.empty(), WorkforceIdentifiers.problemWith("service-account-hr-feed", null));
        assertEquals(Optional.empty(), WorkforceIdentifiers.problemWith("tnguyen7310", null));
    }

    @Test
    void namesOutsideTheConventionAreRefused() {
        for (String name : new String[] {"john.smith", "jsmith", "smith4821j", "adm-", "adm-jsmith", "svc-epic", "4821", "j4821", ""}) {
            assertTrue(WorkforceIdentifiers.problemWith(name, null).isPresent(), name);
        }
    }

    @Test
    void genericAndSharedNamesAreRefused() {
        for (String name : new String[] {"nurse4821", "admin0001", "frontdesk1234", "adm-test9999", "kstation4821"}) {
            assertTrue(WorkforceIdentifiers.problemWith(name, null).orElse("").contains("generic"), name);
        }
    }

    @Test
    void workforceNameMustCarryTheAccountsEmployeeNumber() {
        assertTrue(WorkforceIdentifiers.problemWith("jsmith4821", "7310").orElse("").contains("7310"));
        assertTrue(WorkforceIdentifiers.problemWith("adm-jsmith4821", "7310").isPresent());
    }

    @Test
    void aPersonsWorkforceAndAdminAccountsAreTheSamePerson() {
        assertTrue(WorkforceIdentifiers.samePerson("jsmith4821", "adm-jsmith4821"));
        assertTrue(WorkforceIdentifiers.samePerson("adm-jsmith4821", "jsmith4821"));
        assertFalse(WorkforceIdentifiers.samePerson("jsmith4821", "tsmith4821"));
        assertFalse(WorkforceIdentifiers.samePerson("jsmith4821", "adm-tsmith4821"));
    }
}

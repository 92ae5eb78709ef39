package org.hipaaiam.lifecycle.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hipaaiam.lifecycle.hrfeed.Refusal;
import org.junit.jupiter.api.Test;

class RosterDiffTest {

    private static final RosterDiff.Account SMITH = new RosterDiff.Account("jsmith4821", "4821");
    private static final RosterDiff.Account SMITH_ADMIN = new RosterDiff.Account("adm-jsmith4821", "4821");
    private static final RosterDiff.Account NGUYEN = new RosterDiff.Account("tnguyen7310", "7310");

    @Test
    void accountsOfEmployeesNoLongerListedAreOrphaned() {
        RosterDiff diff = RosterDiff.of(List.of("7310"), List.of(SMITH, NGUYEN, SMITH_ADMIN));
        assertEquals(List.of(SMITH_ADMIN, SMITH), diff.orphaned());
        assertEquals(List.of(), diff.missing());
    }

    @Test
    void listedEmployeesWithoutAnAccountAreMissing() {
        RosterDiff diff = RosterDiff.of(List.of("4821", "7310", "9001", "1234"), List.of(SMITH, NGUYEN));
        assertEquals(List.of(), diff.orphaned());
        assertEquals(List.of("1234", "9001"), diff.missing());
    }

    @Test
    void rosterRequestIsParsedAndValidated() {
        assertEquals(new ActiveRoster("r-1", List.of("4821", "7310")),
                ActiveRoster.parse(bytes("{\"rosterId\": \"r-1\", \"employeeNumbers\": [\"4821\", \"7310\"]}")));
        for (String body : new String[] {"nope", "{\"employeeNumbers\": []}", "{\"rosterId\": \"r\", \"employeeNumbers\": [4821]}",
                "{\"rosterId\": \"r\", \"employeeNumbers\": \"4821\"}"}) {
            assertEquals(Refusal.Reason.MALFORMED_REQUEST, assertThrows(Refusal.class, () -> ActiveRoster.parse(bytes(body))).reason(), body);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

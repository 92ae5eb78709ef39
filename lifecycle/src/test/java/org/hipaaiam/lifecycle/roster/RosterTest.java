package org.hipaaiam.lifecycle.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RosterTest {

    @Test
    void jsonRosterWithStatusesAndTheShortForm() {
        Roster roster = Roster.parseJson(bytes("""
                {"type": "roster", "rosterId": "r-1", "employeeNumbers": ["4821"],
                 "employees": [{"employeeNumber": "7310", "status": "terminated"}, {"employeeNumber": "5532", "status": "LEAVE"}]}"""));
        assertEquals("r-1", roster.rosterId());
        assertEquals(Map.of("4821", Roster.Status.ACTIVE, "7310", Roster.Status.TERMINATED, "5532", Roster.Status.LEAVE), roster.employees());
    }

    @Test
    void csvRosterWithHeaderQuotesAndBlankLines() {
        Roster roster = Roster.parseCsv("r-2", bytes("\uFEFFemployeeNumber,status\r\n4821,active\r\n\"7310\",\"terminated\"\r\n\r\n"));
        assertEquals(Map.of("4821", Roster.Status.ACTIVE, "7310", Roster.Status.TERMINATED), roster.employees());
    }

    @Test
    void malformedRostersAreRefused() {
        assertMalformed(() -> Roster.parseJson(bytes("[]")));
        assertMalformed(() -> Roster.parseJson(bytes("{\"type\": \"roster\", \"rosterId\": \"r\", \"employeeNumbers\": [4821]}")));
        assertMalformed(() -> Roster.parseJson(bytes("{\"type\": \"roster\", \"rosterId\": \"r\", \"employees\": [{\"employeeNumber\": \"4821\", \"status\": \"gone\"}]}")));
        assertMalformed(() -> Roster.parseJson(bytes("{\"type\": \"roster\", \"rosterId\": \"r\", \"employees\": [{\"employeeNumber\": \"4821\", \"status\": \"active\"},"
                + " {\"employeeNumber\": \"4821\", \"status\": \"terminated\"}]}")));
        assertMalformed(() -> Roster.parseJson(bytes("{\"rosterId\": \"r\", \"employeeNumbers\": [\"4821\"]}")));
        assertMalformed(() -> Roster.parseJson(bytes("{\"type\": \"separation\", \"rosterId\": \"r\", \"employeeNumbers\": [\"4821\"]}")));
        assertMalformed(() -> Roster.parseCsv("r", bytes("number,status\n4821,active")));
        assertMalformed(() -> Roster.parseCsv("r", bytes("employeeNumber,status\n4821")));
        assertMalformed(() -> Roster.parseCsv(null, bytes("employeeNumber,status\n4821,active")));
        assertMalformed(() -> Roster.parseCsv("bad id!", bytes("employeeNumber,status\n4821,active")));
    }

    private static void assertMalformed(org.junit.jupiter.api.function.Executable parse) {
        assertThrows(InvalidRoster.class, parse);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

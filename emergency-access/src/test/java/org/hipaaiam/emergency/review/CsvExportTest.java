package org.hipaaiam.emergency.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipaaiam.core.api.Refusal;
import org.hipaaiam.emergency.cases.BreakGlassCaseEntity;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        assertEquals("\"a,b\"", CsvExport.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExport.cell("say \"hi\""));
        assertEquals("'=HYPERLINK(1)", CsvExport.cell("=HYPERLINK(1)"));
        assertEquals("\"'-1,2\"", CsvExport.cell("-1,2"));
        assertEquals("-5", CsvExport.cell(-5L));
        assertEquals("", CsvExport.cell(null));
    }

    @Test
    void exportHasAHeaderAndOneLinePerCase() {
        BreakGlassCaseEntity c = new BreakGlassCaseEntity();
        c.setId("case-1");
        c.setUsername("jsmith4821");
        c.setReasonCode("BTG");
        c.setReasonText("line one\nline two");
        c.setStartedAt(10);
        c.setDueAt(20);
        String csv = CsvExport.of(List.of(CaseRecord.of(c, 15)));
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].startsWith("id,status,username"));
        assertTrue(lines[1].startsWith("case-1,open,jsmith4821"));
        assertTrue(csv.contains("\"line one\nline two\""));
    }

    @Test
    void periodsMustBeOrderedIsoInstantsOfAtMostAYear() {
        assertEquals(new Period(0, 86400), Period.parse("1970-01-01T00:00:00Z", "1970-01-02T00:00:00Z"));
        assertThrows(Refusal.class, () -> Period.parse("yesterday", "today"));
        assertThrows(Refusal.class, () -> Period.parse("1970-01-02T00:00:00Z", "1970-01-01T00:00:00Z"));
        assertThrows(Refusal.class, () -> Period.parse("2020-01-01T00:00:00Z", "2022-01-01T00:00:00Z"));
        assertThrows(Refusal.class, () -> Period.parse(null, "2022-01-01T00:00:00Z"));
    }
}

package org.hipaaiam.emergency.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CaseStatusTest {

    @Test
    void statusFollowsJustificationDecisionAndClock() {
        BreakGlassCaseEntity c = new BreakGlassCaseEntity();
        c.setDueAt(1000);
        assertEquals(CaseStatus.OPEN, CaseStatus.of(c, 999));
        assertEquals(CaseStatus.OVERDUE, CaseStatus.of(c, 1000));
        c.setJustifiedAt(1200L);
        assertEquals(CaseStatus.JUSTIFIED, CaseStatus.of(c, 2000));
        c.setDecision("rejected");
        assertEquals(CaseStatus.REJECTED, CaseStatus.of(c, 2000));
        assertEquals(CaseStatus.APPROVED, CaseStatus.parse("approved").orElseThrow());
    }
}

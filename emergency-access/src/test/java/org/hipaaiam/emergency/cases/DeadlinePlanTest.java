package org.hipaaiam.emergency.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeadlinePlanTest {

    private static final long DUE = 100_000;
    private static final long LEAD = 4 * 3600;

    @Test
    void nothingIsOwedLongBeforeTheDeadline() {
        assertEquals(DeadlinePlan.NOTHING, DeadlinePlan.of(DUE, null, null, LEAD, DUE - LEAD - 1));
    }

    @Test
    void theReminderIsSentOnceWithinTheLeadTime() {
        assertEquals(DeadlinePlan.REMIND, DeadlinePlan.of(DUE, null, null, LEAD, DUE - LEAD));
        assertEquals(DeadlinePlan.NOTHING, DeadlinePlan.of(DUE, DUE - LEAD, null, LEAD, DUE - 10));
    }

    @Test
    void theEscalationIsSentOnceAtTheDeadline() {
        assertEquals(DeadlinePlan.ESCALATE, DeadlinePlan.of(DUE, null, null, LEAD, DUE));
        assertEquals(DeadlinePlan.ESCALATE, DeadlinePlan.of(DUE, DUE - LEAD, null, LEAD, DUE + 5));
        assertEquals(DeadlinePlan.NOTHING, DeadlinePlan.of(DUE, DUE - LEAD, DUE, LEAD, DUE + 3600));
    }
}

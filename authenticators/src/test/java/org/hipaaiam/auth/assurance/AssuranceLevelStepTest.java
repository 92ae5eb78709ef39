package org.hipaaiam.auth.assurance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AssuranceLevelStepTest {

    @Test
    void theConfiguredLevelWithinOneAndTwo() {
        assertEquals(Assurance.AAL2, AssuranceLevelStep.parse("2"));
        assertEquals(Assurance.AAL1, AssuranceLevelStep.parse(" 1 "));
        assertEquals(Assurance.AAL2, AssuranceLevelStep.parse("3"), "no level above what the bundle's paths can reach");
    }

    @Test
    void aMistakeNeverRaisesAssurance() {
        assertEquals(Assurance.AAL1, AssuranceLevelStep.parse(null));
        assertEquals(Assurance.AAL1, AssuranceLevelStep.parse("two"));
        assertEquals(Assurance.AAL1, AssuranceLevelStep.parse("0"));
    }
}

package org.hipaaiam.core.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProvenAmrTest {

    @Test
    void whatTheFingerprintProvedIsAddedWhileItsHardwareKeyStepCounts() {
        assertEquals(List.of("hwk", "fpt"), ProvenAmr.of(List.of("hwk"), "fpt"));
        assertEquals(List.of("hwk", "user"), ProvenAmr.of(List.of("hwk"), " user "));
    }

    @Test
    void aNoteWithoutTheStepsHardwareKeyAddsNothing() {
        // the fingerprint step's hwk past its max age: what it proved no longer counts either
        assertEquals(List.of("pwd"), ProvenAmr.of(List.of("pwd"), "fpt"));
    }

    @Test
    void noNoteOrNothingNewChangesNothing() {
        assertEquals(List.of("pwd", "otp"), ProvenAmr.of(List.of("pwd", "otp"), null));
        assertEquals(List.of("hwk", "fpt"), ProvenAmr.of(List.of("hwk", "fpt"), "fpt"));
    }
}

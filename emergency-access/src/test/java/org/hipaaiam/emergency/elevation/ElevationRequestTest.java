package org.hipaaiam.emergency.elevation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ElevationRequestTest {

    private static final Set<String> CODES = Set.of("ETREAT", "BTG");

    @Test
    void aKnownCodeAndAWrittenReasonAreAccepted() {
        ElevationRequest request = ElevationRequest.parse(" etreat ", "  Cardiac arrest in bed 4  ", "Patient/1", CODES);
        assertEquals("ETREAT", request.reasonCode());
        assertEquals("Cardiac arrest in bed 4", request.reasonText());
        assertEquals("Patient/1", request.context());
        assertNull(ElevationRequest.parse("BTG", "Cardiac arrest in bed 4", " ", CODES).context());
    }

    @Test
    void missingOrUnknownCodesAndShortReasonsAreRefused() {
        assertEquals("hipaaBreakGlassReasonCodeMissing",
                assertThrows(ElevationRequest.Invalid.class, () -> ElevationRequest.parse(null, "long enough reason", null, CODES)).messageKey());
        assertEquals("hipaaBreakGlassReasonCodeUnknown",
                assertThrows(ElevationRequest.Invalid.class, () -> ElevationRequest.parse("XYZ", "long enough reason", null, CODES)).messageKey());
        assertEquals("hipaaBreakGlassReasonMissing",
                assertThrows(ElevationRequest.Invalid.class, () -> ElevationRequest.parse("BTG", "   ", null, CODES)).messageKey());
        assertEquals("hipaaBreakGlassReasonTooLong",
                assertThrows(ElevationRequest.Invalid.class, () -> ElevationRequest.parse("BTG", "x".repeat(2001), null, CODES)).messageKey());
        assertEquals("hipaaBreakGlassContextTooLong",
                assertThrows(ElevationRequest.Invalid.class, () -> ElevationRequest.parse("BTG", "long enough reason", "c".repeat(513), CODES)).messageKey());
    }
}

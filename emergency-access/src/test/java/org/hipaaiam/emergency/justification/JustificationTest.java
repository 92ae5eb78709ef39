package org.hipaaiam.emergency.justification;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class JustificationTest {

    @Test
    void markupIsAcceptedAsPlainTextOfTheRightLength() {
        assertNull(Justification.problemWith("<script>alert('x')</script> patient coded in ED"));
        assertNotNull(Justification.problemWith("too short"));
        assertNotNull(Justification.problemWith(null));
        assertNotNull(Justification.problemWith("x".repeat(4001)));
    }
}

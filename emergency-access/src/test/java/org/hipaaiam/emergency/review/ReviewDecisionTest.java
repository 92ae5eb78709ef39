package org.hipaaiam.emergency.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.hipaaiam.core.api.JsonBody;
import org.hipaaiam.core.api.Refusal;
import org.junit.jupiter.api.Test;

class ReviewDecisionTest {

    private static final String JSON = "application/json; charset=utf-8";

    private static Refusal refusalOf(String body) {
        return assertThrows(Refusal.class, () -> ReviewDecision.parse(JSON, body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anApprovalOrRejectionWithNotesIsAccepted() {
        ReviewDecision approved = ReviewDecision.parse(JSON, "{\"decision\":\"approve\",\"notes\":\"  Verified with ED  \"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("approved", approved.outcome());
        assertEquals("Verified with ED", approved.notes());
        assertEquals("rejected", ReviewDecision.parse(JSON, "{\"decision\":\"reject\",\"notes\":\"x\"}".getBytes(StandardCharsets.UTF_8)).outcome());
    }

    @Test
    void malformedBodiesAndWrongMemberTypesAreRefusedWith400() {
        assertEquals("the body is not valid JSON", refusalOf("{\"decision\":").reason());
        assertEquals("the body must be a JSON object", refusalOf("[\"approve\"]").reason());
        assertEquals("decision must be a string", refusalOf("{\"decision\":true,\"notes\":\"x\"}").reason());
        assertEquals("notes must be a string", refusalOf("{\"decision\":\"approve\",\"notes\":[\"x\"]}").reason());
        assertEquals("decision must be approve or reject", refusalOf("{\"decision\":\"APPROVE\",\"notes\":\"x\"}").reason());
        assertTrue(refusalOf("{\"decision\":\"approve\",\"notes\":\"" + "n".repeat(ReviewDecision.MAX_NOTES_CHARS + 1) + "\"}")
                .reason().startsWith("notes are required"));
        assertEquals(400, refusalOf("{}").status());
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        Refusal tooLarge = assertThrows(Refusal.class, () -> ReviewDecision.parse(JSON, new byte[JsonBody.MAX_BYTES + 1]));
        assertEquals(413, tooLarge.status());
    }

    @Test
    void aBodyDeclaredAsAnotherMediaTypeIsRefusedWith415() {
        byte[] decision = "{\"decision\":\"approve\",\"notes\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        for (String contentType : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
            Refusal refused = assertThrows(Refusal.class, () -> ReviewDecision.parse(contentType, decision));
            assertEquals(415, refused.status(), String.valueOf(contentType));
            assertEquals("the body must be application/json", refused.reason());
        }
        assertEquals("approved", ReviewDecision.parse("Application/JSON", decision).outcome());
    }
}

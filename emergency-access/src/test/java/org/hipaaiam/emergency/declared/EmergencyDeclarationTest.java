package org.hipaaiam.emergency.declared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.hipaaiam.core.api.Refusal;
import org.junit.jupiter.api.Test;

class EmergencyDeclarationTest {

    private static final long NOW = 1_800_000_000L;

    private static EmergencyDeclaration parse(String body) {
        return EmergencyDeclaration.parse("application/json", body.getBytes(StandardCharsets.UTF_8), NOW);
    }

    private static String reasonOfRefusal(String body) {
        Refusal refusal = assertThrows(Refusal.class, () -> parse(body));
        assertEquals(400, refusal.status());
        return refusal.reason();
    }

    @Test
    void aReasonAndANearFutureEndAreAccepted() {
        assertEquals(new EmergencyDeclaration("EHR downtime", NOW + 3600), parse("{\"reason\":\" EHR downtime \",\"until\":" + (NOW + 3600) + "}"));
    }

    @Test
    void endsInThePastOrMoreThanAWeekAheadAreRefused() {
        reasonOfRefusal("{\"reason\":\"EHR downtime\",\"until\":" + NOW + "}");
        reasonOfRefusal("{\"reason\":\"EHR downtime\",\"until\":" + (NOW + EmergencyDeclaration.MAX_SECONDS + 1) + "}");
        reasonOfRefusal("{\"reason\":\"EHR downtime\",\"until\":123456789012345678901234567890}");
    }

    @Test
    void wrongMemberTypesAndMalformedBodiesAreRefused() {
        assertEquals("reason must be a string", reasonOfRefusal("{\"reason\":42,\"until\":" + (NOW + 60) + "}"));
        assertEquals("until must be epoch seconds in the future, at most 604800 s ahead",
                reasonOfRefusal("{\"reason\":\"EHR downtime\",\"until\":\"" + (NOW + 60) + "\"}"));
        assertEquals("reason is required (1-500 characters)", reasonOfRefusal("{\"reason\":\"   \",\"until\":" + (NOW + 60) + "}"));
        assertEquals("reason is required (1-500 characters)", reasonOfRefusal("{\"reason\":\"" + "r".repeat(501) + "\",\"until\":" + (NOW + 60) + "}"));
        assertEquals("the body is not valid JSON", reasonOfRefusal("reason=EHR"));
        assertEquals("the body must be JSON", reasonOfRefusal(""));
    }
}

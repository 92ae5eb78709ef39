package org.hipaaiam.logoff.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.hipaaiam.auth.workstation.WorkstationClass;
import org.hipaaiam.core.settings.RealmSettings;
import org.junit.jupiter.api.Test;

class IdlePolicyTest {

    @Test
    void readsAndWritesTheTextForm() {
        IdlePolicy policy = IdlePolicy.parse("lock=5m terminate=15m badge-leaves=end");
        assertEquals(Optional.of(Duration.ofMinutes(5)), policy.lock());
        assertEquals(Duration.ofMinutes(15), policy.terminate());
        assertEquals(IdlePolicy.WalkAway.END, policy.badgeLeaves());
        assertEquals("lock=5m terminate=15m badge-leaves=end", policy.text());
        assertEquals(policy, IdlePolicy.parse(policy.text()));
        assertEquals("lock=none terminate=90s badge-leaves=lock", IdlePolicy.parse("terminate=90s").text());
    }

    @Test
    void refusesPoliciesThatCannotBeEnforcedAsWritten() {
        assertReason("lock must be shorter than terminate", "lock=15m terminate=15m");
        assertReason("terminate is required", "lock=5m");
        assertReason("a time needs a unit", "terminate=15");
        assertReason("unknown part 'idle'", "idle=5m terminate=15m");
        assertReason("terminate given twice", "terminate=5m terminate=15m");
        assertReason("badge-leaves must be lock or end", "terminate=15m badge-leaves=logout");
        assertReason("terminate must be at least 5 seconds", "terminate=1s");
        assertReason("not a time", "terminate=xm");
    }

    @Test
    void clientPoliciesAreOnePerClient() {
        Map<String, IdlePolicy> clients = ClientPolicies.parse("patient-portal: terminate=15m; kiosk-app: lock=1m terminate=3m");
        assertEquals(Duration.ofMinutes(15), clients.get("patient-portal").terminate());
        assertEquals(clients, ClientPolicies.parse(ClientPolicies.text(clients)));
        assertReason("patient-portal given twice", ClientPolicies::parse, "patient-portal: terminate=15m; patient-portal: terminate=5m");
        assertReason("portal: terminate is required", ClientPolicies::parse, "portal: lock=5m");
    }

    @Test
    void aBadRealmValueFallsBackToTheShippedPolicyOfThatClassAndIsReported() {
        StringBuilder reported = new StringBuilder();
        RealmSettings settings = RealmSettings.of(Map.of("hipaa.idle.clinical", "lock=20m terminate=10m", "hipaa.idle.mobileCart", "lock=1m terminate=10m"),
                (setting, value, reason) -> reported.append(setting.key()));
        LogoffPolicies policies = LogoffPolicies.of(settings);
        assertEquals(LogoffPolicies.SHIPPED.get(WorkstationClass.CLINICAL), policies.classes().get(WorkstationClass.CLINICAL));
        assertEquals(Duration.ofMinutes(1), policies.classes().get(WorkstationClass.MOBILE_CART).lock().orElseThrow());
        assertEquals("hipaa.idle.clinical", reported.toString());
    }

    @Test
    void aSessionGetsItsClassPolicyAndAnUnknownNameGetsTheUnclassifiedOne() {
        LogoffPolicies policies = LogoffPolicies.of(RealmSettings.of(Map.of("hipaa.idle.clients", "patient-portal: terminate=15m"),
                (setting, value, reason) -> { }));
        assertEquals(Duration.ofMinutes(30), policies.of(SessionClass.fromNote("workstation:administrative")).terminate());
        assertEquals(Optional.empty(), policies.of(SessionClass.fromNote("client:patient-portal")).lock());
        assertEquals(policies.unclassified(), policies.of(SessionClass.fromNote("workstation:broom-cupboard")));
        assertEquals(policies.unclassified(), policies.of(SessionClass.fromNote("client:unknown-app")));
        assertEquals(policies.unclassified(), policies.of(SessionClass.fromNote(null)));
        assertEquals(policies.unclassified(), policies.of(SessionClass.fromNote("workstation:")));
    }

    @Test
    void theLongestTerminateMustFitTheRealmSsoIdle() {
        LogoffPolicies shipped = LogoffPolicies.of(RealmSettings.of(Map.of(), (setting, value, reason) -> { }));
        assertEquals(Duration.ofMinutes(30), shipped.longestTerminate());
        assertEquals(Optional.empty(), shipped.problemWith(Duration.ofMinutes(30)));
        assertTrue(shipped.problemWith(Duration.ofMinutes(15)).orElseThrow().contains("exceeds the realm's SSO session idle"));
    }

    private static void assertReason(String reason, String text) {
        assertReason(reason, IdlePolicy::parse, text);
    }

    private static void assertReason(String reason, java.util.function.Function<String, ?> parser, String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> parser.apply(text));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}

package org.hipaaiam.lifecycle.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExemptionRuleTest {

    @Test
    void defaultsExemptServiceEmergencyAndDisasterRecoveryAccounts() {
        ExemptionRule rule = ExemptionRule.from(Map.of());
        assertEquals(Optional.of("username prefix svc-"), rule.exemption("svc-epic-hl7", null, role -> false));
        assertEquals(Optional.of("username prefix service-account-"), rule.exemption("service-account-hr-feed", null, role -> false));
        assertEquals(Optional.of("accountType emergency"), rule.exemption("drsmith0001", "emergency", role -> false));
        assertEquals(Optional.of("accountType disaster-recovery"), rule.exemption("adm-dreyes9001", "disaster-recovery", role -> false));
        assertEquals(Optional.empty(), rule.exemption("jsmith4821", "workforce", role -> true), "no exempt roles by default");
    }

    @Test
    void realmAttributesReplaceTheDefaults() {
        ExemptionRule rule = ExemptionRule.from(Map.of(ExemptionRule.USERNAME_PREFIXES, "bot-", ExemptionRule.ACCOUNT_TYPES, "",
                ExemptionRule.ROLES, "break-glass, dr-operator"));
        assertEquals(Optional.empty(), rule.exemption("svc-epic-hl7", "emergency", role -> false));
        assertEquals(Optional.of("username prefix bot-"), rule.exemption("bot-x", null, role -> false));
        assertEquals(Optional.of("realm role dr-operator"), rule.exemption("jsmith4821", null, "dr-operator"::equals));
    }
}

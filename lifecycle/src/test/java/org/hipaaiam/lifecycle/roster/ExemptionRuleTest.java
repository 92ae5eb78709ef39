package org.hipaaiam.lifecycle.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hipaaiam.core.account.AccountKind;
import org.hipaaiam.core.settings.RealmSettings;
import org.junit.jupiter.api.Test;

class ExemptionRuleTest {

    private final List<String> problems = new ArrayList<>();

    private ExemptionRule rule(Map<String, String> realmAttributes) {
        return ExemptionRule.of(RealmSettings.of(realmAttributes, (setting, configured, problem) -> problems.add(problem)));
    }

    @Test
    void defaultsExemptServiceEmergencyAndDisasterRecoveryAccounts() {
        ExemptionRule rule = rule(Map.of());
        assertEquals(Optional.of("service account"), rule.exemption(AccountKind.of("svc-epic-hl7", null, false), "svc-epic-hl7", role -> false));
        assertEquals(Optional.of("service account"), rule.exemption(AccountKind.of("service-account-hr-feed", null, true), "service-account-hr-feed",
                role -> false));
        assertEquals(Optional.of("emergency account"), rule.exemption(AccountKind.EMERGENCY, "drsmith0001", role -> false));
        assertEquals(Optional.of("disaster-recovery account"), rule.exemption(AccountKind.DISASTER_RECOVERY, "adm-dreyes9001", role -> false));
        assertEquals(Optional.empty(), rule.exemption(AccountKind.WORKFORCE, "jsmith4821", role -> true), "no exempt roles by default");
        assertEquals(Optional.empty(), rule.exemption(AccountKind.PRIVILEGED, "adm-jsmith4821", role -> false));
    }

    @Test
    void realmAttributesReplaceTheDefaults() {
        ExemptionRule rule = rule(Map.of("hipaa.lifecycle.exemptAccountKinds", "emergency", "hipaa.lifecycle.exemptUsernamePrefixes", "bot-",
                "hipaa.lifecycle.exemptRoles", "break-glass, dr-operator"));
        assertEquals(Optional.empty(), rule.exemption(AccountKind.SERVICE, "svc-epic-hl7", role -> false));
        assertEquals(Optional.of("emergency account"), rule.exemption(AccountKind.EMERGENCY, "ecover9100", role -> false));
        assertEquals(Optional.of("username prefix bot-"), rule.exemption(AccountKind.WORKFORCE, "bot-x", role -> false));
        assertEquals(Optional.of("realm role dr-operator"), rule.exemption(AccountKind.WORKFORCE, "jsmith4821", "dr-operator"::equals));
        assertEquals(List.of(), problems);
    }

    @Test
    void anUnknownAccountKindKeepsTheDefaultsAndIsReported() {
        ExemptionRule rule = rule(Map.of("hipaa.lifecycle.exemptAccountKinds", "service,robots"));
        assertEquals(Optional.of("emergency account"), rule.exemption(AccountKind.EMERGENCY, "ecover9100", role -> false));
        assertEquals(1, problems.size(), problems.toString());
    }
}

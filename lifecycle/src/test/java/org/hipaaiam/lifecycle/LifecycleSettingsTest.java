package org.hipaaiam.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipaaiam.core.account.AccountKind;
import org.hipaaiam.core.settings.InvalidSetting;
import org.hipaaiam.core.settings.RealmSettings;
import org.junit.jupiter.api.Test;

class LifecycleSettingsTest {

    private final List<String> reported = new ArrayList<>();

    private RealmSettings realm(Map<String, String> attributes) {
        return RealmSettings.of(attributes, (setting, configured, problem) -> reported.add(problem));
    }

    @Test
    void everyRealmAttributeFollowsTheNamingConvention() throws IllegalAccessException {
        for (var field : LifecycleSettings.class.getFields()) {
            String key = ((org.hipaaiam.core.settings.Setting<?>) field.get(null)).key();
            assertTrue(key.matches("hipaa\\.[a-z][A-Za-z]*\\.[a-z][A-Za-z]*") || key.matches("[a-z]+(-[a-z]+)+"), key);
        }
    }

    @Test
    void defaults() {
        RealmSettings settings = realm(Map.of());
        assertEquals(300L, settings.get(LifecycleSettings.HR_FEED_REPLAY_WINDOW_SECONDS));
        assertEquals(90L, settings.get(LifecycleSettings.DORMANT_DAYS));
        assertEquals(0.10, settings.get(LifecycleSettings.ROSTER_MAX_DISABLE_FRACTION));
        assertEquals(Set.of(AccountKind.SERVICE, AccountKind.EMERGENCY, AccountKind.DISASTER_RECOVERY),
                settings.get(LifecycleSettings.EXEMPT_ACCOUNT_KINDS));
        assertEquals(List.of(), settings.get(LifecycleSettings.EXEMPT_USERNAME_PREFIXES));
        assertEquals(List.of("iam-admin", "realm-admin", "manage-users", "manage-realm", "manage-clients", "manage-authorization"),
                settings.get(LifecycleSettings.PRIVILEGED_ROLES));
        assertTrue(settings.secret(LifecycleSettings.HR_FEED_SIGNING_SECRET).isEmpty());
        assertTrue(reported.isEmpty());
    }

    @Test
    void aBadReplayWindowUsesTheStrictestAndIsReported() {
        for (String configured : new String[] {"five minutes", "0", "-30", "86400"}) {
            assertEquals(30L, realm(Map.of("hipaa.hrFeed.replayWindowSeconds", configured)).get(LifecycleSettings.HR_FEED_REPLAY_WINDOW_SECONDS),
                    configured);
        }
        assertEquals(4, reported.size());
        assertEquals(120L, realm(Map.of("hipaa.hrFeed.replayWindowSeconds", " 120 ")).get(LifecycleSettings.HR_FEED_REPLAY_WINDOW_SECONDS));
    }

    @Test
    void badDaysOrFractionsFallBackToTheDefaultAndAreReported() {
        assertEquals(90L, realm(Map.of("hipaa.dormant.days", "ninety")).get(LifecycleSettings.DORMANT_DAYS));
        assertEquals(90L, realm(Map.of("hipaa.dormant.days", "0")).get(LifecycleSettings.DORMANT_DAYS));
        assertEquals(0.10, realm(Map.of("hipaa.roster.maxDisableFraction", "1.5")).get(LifecycleSettings.ROSTER_MAX_DISABLE_FRACTION));
        assertEquals(3, reported.size());
        assertEquals(30L, realm(Map.of("hipaa.dormant.days", " 30 ")).get(LifecycleSettings.DORMANT_DAYS));
    }

    @Test
    void accountKindsAreNamedByTheirAccountTypeValue() {
        assertEquals(Set.of(AccountKind.EMERGENCY, AccountKind.WORKFORCE),
                realm(Map.of("hipaa.lifecycle.exemptAccountKinds", "emergency, workforce")).get(LifecycleSettings.EXEMPT_ACCOUNT_KINDS));
        assertEquals(Set.of(), realm(Map.of("hipaa.lifecycle.exemptAccountKinds", " , ")).get(LifecycleSettings.EXEMPT_ACCOUNT_KINDS));
        assertThrows(InvalidSetting.class, () -> LifecycleSettings.EXEMPT_ACCOUNT_KINDS.parse("svc"));
    }

    @Test
    void theServerUrlMustBeAnAbsoluteHttpUrl() {
        assertEquals(URI.create("https://iam.hospital.example/"), LifecycleSettings.SERVER_URL.parse("https://iam.hospital.example/"));
        assertEquals(URI.create("http://localhost:8080/"), LifecycleSettings.SERVER_URL.parse(null));
        for (String bad : new String[] {"iam.hospital.example", "ftp://iam.hospital.example/", "http://", "http://bad host/"}) {
            assertThrows(InvalidSetting.class, () -> LifecycleSettings.SERVER_URL.parse(bad), bad);
        }
    }

    @Test
    void intervalsAreWholeSecondsOfAtMostADay() {
        assertEquals(60L, LifecycleSettings.DUE_CHECK_INTERVAL_SECONDS.parse(null));
        assertEquals(2L, LifecycleSettings.DUE_CHECK_INTERVAL_SECONDS.parse("2"));
        assertEquals(30L, LifecycleSettings.DISABLED_SWEEP_INTERVAL_SECONDS.parse(null));
        assertThrows(InvalidSetting.class, () -> LifecycleSettings.DISABLED_SWEEP_INTERVAL_SECONDS.parse("0"));
    }
}

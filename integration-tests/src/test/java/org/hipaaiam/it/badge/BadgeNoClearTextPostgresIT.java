package org.hipaaiam.it.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * On PostgreSQL (the build's `postgres` test execution, ledger in PostgreSQL too): after enrolment, a badge
 * sign-in and a wrong PIN, a full `pg_dump` of the database holds the PIN credential and the badge's keyed hash
 * but neither the badge number nor any PIN.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
@EnabledIfSystemProperty(named = "kc.test.database.vendor", matches = "postgres", disabledReason = "runs in the postgres test execution")
class BadgeNoClearTextPostgresIT {

    static final String BADGE = "PGX7731QRT55";
    static final String PIN = "861093745216";
    static final String WRONG_PIN = "861093745217";

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    BadgeWard ward;

    @Test
    void databaseDumpHoldsNoBadgeNumberOrPin() throws Exception {
        assertEquals(200, ward.registerWorkstation("ward-6-station", Map.of("class", "clinical", "location", "Ward 6",
                "network", "127.0.0.1/32")).statusCode());
        ward.enrol(ward.newClinician().username(), BADGE, PIN);
        ward.allowQuickRetries();
        ward.signInWithBadgeAfterAWrongPin(BADGE, WRONG_PIN, PIN);

        String dump = pgDump(System.getProperty("kc.test.database.url"), System.getProperty("kc.test.database.user"));
        assertTrue(dump.contains("hipaa-pin") && dump.contains("hipaaBadgeHmac"), "the dump holds the PIN credential and the badge hash");
        for (String secret : List.of(BADGE, PIN, WRONG_PIN)) {
            assertFalse(dump.contains(secret), "the database dump contains " + secret);
        }
    }

    private static String pgDump(String jdbcUrl, String user) throws Exception {
        URI db = URI.create(jdbcUrl.substring("jdbc:".length()));
        Process dump = new ProcessBuilder("pg_dump", "-h", db.getHost(), "-p", Integer.toString(db.getPort()), "-U", user,
                db.getPath().substring(1)).redirectErrorStream(true).start();
        String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, dump.waitFor(), out);
        return out;
    }
}

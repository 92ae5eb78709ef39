package org.hipaaiam.it.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.OidcDemoApp;
import org.hipaaiam.it.support.Pkce;
import org.hipaaiam.it.support.SignInPage;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * Keycloak on the PostgreSQL server at 127.0.0.1:5432 (the production database): the realm imports into it
 * and a clinician signs in. Run by the build's `postgres` test execution, which points the server at it.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class RealmOnPostgresIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    @Test
    void realmAndItsUsersAreStoredInPostgres() throws Exception {
        try (Connection db = DriverManager.getConnection(System.getProperty("kc.test.database.url"),
                System.getProperty("kc.test.database.user"), System.getProperty("kc.test.database.password"));
             PreparedStatement query = db.prepareStatement(
                     "SELECT u.username FROM user_entity u JOIN realm r ON r.id = u.realm_id WHERE r.name = ? AND u.username = ?")) {
            query.setString(1, DemoRealm.NAME);
            query.setString(2, DemoRealm.CLINICIAN);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the clinician's row is in PostgreSQL");
            }
        }
    }

    @Test
    void signInIsRecordedInThePostgresLedgerWhichRefusesDeletion() throws Exception {
        long start = System.currentTimeMillis();
        SignInPage.openFresh(browser, realm.getBaseUrl()).submitPassword(DemoRealm.CLINICIAN, "not-the-password");
        try (Connection ledger = DriverManager.getConnection(System.getProperty(HipaaServerConfig.POSTGRES_LEDGER_URL),
                HipaaServerConfig.POSTGRES_LEDGER_USER, "");
             PreparedStatement query = ledger.prepareStatement(
                     "SELECT convert_from(record, 'UTF8') FROM audit_entry WHERE event_time_ms >= ? ORDER BY seq")) {
            query.setLong(1, start);
            boolean found = false;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String record = rows.getString(1);
                    found |= record.contains("\"LOGIN_ERROR\"") && record.contains(DemoRealm.CLINICIAN);
                    assertFalse(record.contains("not-the-password"));
                }
            }
            assertTrue(found, "the failed sign-in is an audit record in PostgreSQL");
            assertThrows(SQLException.class, () -> ledger.createStatement().execute("DELETE FROM audit_entry"),
                    "the ledger's database role cannot delete records");
        }
    }

    @Test
    void clinicianSignsInOnPostgres() throws Exception {
        try (OidcDemoApp app = OidcDemoApp.listen(realm.getBaseUrl())) {
            Pkce pkce = Pkce.create();
            browser.open(app.authorizationUrl(pkce, Map.of()));
            new SignInPage(browser.driver()).signIn(DemoRealm.CLINICIAN);
            assertEquals(200, app.redeem(app.next().params().get("code"), pkce.verifier()).statusCode());
        }
    }
}

package org.hipaaiam.it.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hipaaiam.events.audit.record.CanonicalJson;
import org.hipaaiam.it.support.Accounts;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.util.ApiUtil;

/** Sign-ins, failures and admin changes each leave the right OCSF record in the ledger, with no secrets. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class AuditTrailIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    AuditScene scene;

    @Test
    void signInIsRecordedAsAnOcsfLogonWithWhoWhenAndWhere() throws Exception {
        scene.openSignIn().signIn(DemoRealm.CLINICIAN);
        scene.app.next();

        StoredRecord logon = scene.trail().single(r -> "LOGIN".equals(r.at("unmapped.keycloak.type"))
                && DemoRealm.CLINICIAN.equals(r.at("user.name")));
        assertEquals(3002, logon.at("class_uid"));
        assertEquals(1, logon.at("activity_id"));
        assertEquals(300201, logon.at("type_uid"));
        assertEquals("Success", logon.at("status"));
        assertEquals("1.8.0", logon.at("metadata.version"));
        assertEquals(DemoRealm.OIDC_CLIENT, logon.at("actor.app_name"));
        assertTrue(((String) logon.at("time_dt")).endsWith("Z"), "UTC timestamp with its offset");
        assertTrue(logon.at("src_endpoint.ip") != null, "source IP recorded");
        assertTrue(logon.at("http_request.user_agent") != null, "user agent recorded");
        assertTrue(logon.at("actor.session.uid") != null, "SSO session recorded");
        assertEquals(List.of("pwd", "otp"), logon.at("unmapped.keycloak.amr"));
        assertTrue(((List<?>) logon.at("unmapped.keycloak.roles")).contains("clinician"));
        assertEquals(Boolean.TRUE, logon.at("is_mfa"));
        assertArrayEquals(CanonicalJson.toBytes(logon.json()), logon.bytes(), "stored bytes are RFC 8785 canonical");
    }

    @Test
    void failedSignInsAreRecordedWithoutWhatWasTyped() throws Exception {
        scene.openSignIn().submitPassword(DemoRealm.OTHER_CLINICIAN, "Wrong-Secret-Typed-7310");
        scene.openSignIn().submitPassword("Mistyped-Secret-As-Username", "another-wrong-one");

        List<StoredRecord> failures = scene.trail().records(r -> "LOGIN_ERROR".equals(r.at("unmapped.keycloak.type")));
        assertEquals(2, failures.size());
        StoredRecord known = failures.stream().filter(r -> DemoRealm.OTHER_CLINICIAN.equals(r.at("user.name"))).findFirst().orElseThrow();
        assertEquals("Failure", known.at("status"));
        assertEquals("invalid_user_credentials", known.at("status_detail"));
        StoredRecord unknown = failures.stream().filter(r -> r.at("user.uid") == null).findFirst().orElseThrow();
        assertEquals("user_not_found", unknown.at("status_detail"));
        assertEquals("true", unknown.at("unmapped.keycloak.details.username_unknown"));
        assertFalse(unknown.text().contains("Mistyped-Secret-As-Username".toLowerCase(java.util.Locale.ROOT)));
        assertTrue(unknown.at("unmapped.keycloak.details.username_sha256") == null, "not even a hash of what was typed");
        for (StoredRecord failure : failures) {
            assertFalse(failure.text().contains("Wrong-Secret-Typed-7310"));
            assertFalse(failure.text().contains("another-wrong-one"));
            assertFalse(failure.text().contains("Mistyped-Secret-As-Username"));
        }
    }

    @Test
    void adminRoleGrantIsRecordedAsAssignPrivileges() throws Exception {
        String userId = realm.admin().users().search(DemoRealm.OTHER_CLINICIAN, true).get(0).getId();
        RoleRepresentation privacyOfficer = realm.admin().roles().get("privacy-officer").toRepresentation();
        realm.admin().users().get(userId).roles().realmLevel().add(List.of(privacyOfficer));

        StoredRecord grant = scene.trail().single(r -> Integer.valueOf(3005).equals(r.at("class_uid")));
        assertEquals(1, grant.at("activity_id"));
        assertEquals("Assign Privileges", grant.at("activity_name"));
        assertEquals(userId, grant.at("user.uid"));
        assertEquals("REALM_ROLE_MAPPING", grant.at("unmapped.keycloak.resource_type"));
        assertTrue(((String) grant.at("unmapped.keycloak.representation")).contains("privacy-officer"), grant.text());
        assertTrue(grant.at("actor.user.name") != null, "the administrator is named");
        String app = (String) grant.at("actor.app_name");
        assertTrue(app != null && !app.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                "the app is named by its clientId, not its internal id: " + app);
    }

    @Test
    void adminCreatedAccountIsRecordedWithoutItsPassword() throws Exception {
        String username = "rlee" + Accounts.newEmployeeNumber();
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("Initial-Password-Never-Logged-99");
        password.setTemporary(true);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setAttributes(Map.of("employeeNumber", List.of(username.substring("rlee".length()))));
        user.setCredentials(List.of(password));
        ApiUtil.getCreatedId(realm.admin().users().create(user));

        StoredRecord created = scene.trail().single(r -> Integer.valueOf(3001).equals(r.at("class_uid"))
                && Integer.valueOf(1).equals(r.at("activity_id")));
        assertFalse(created.text().contains("Initial-Password-Never-Logged-99"), created.text());
        assertTrue(((String) created.at("unmapped.keycloak.representation")).contains(username));
    }

    @Test
    void ledgerVerifiesWithItsSigningKey() throws Exception {
        scene.openSignIn().submitPassword(DemoRealm.OTHER_CLINICIAN, "wrong-again");
        assertTrue(AuditTrail.verify().valid(), () -> {
            try {
                return AuditTrail.verify().toJson();
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
    }
}

package org.hipaaiam.events.audit.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.events.Event;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

class AuditRecordsTest {

    private static final Actor CLINICIAN = new Actor("u-1", "jsmith4821", List.of("clinician"), "s-1", List.of("pwd", "otp"));
    private static final Origin WORKSTATION = new Origin("10.1.2.3", "Mozilla/5.0", "ED-WS-07");

    private static String text(Map<String, Object> record) {
        return new String(CanonicalJson.toBytes(record), StandardCharsets.UTF_8);
    }

    private static Event login(String error) {
        Event event = new Event();
        event.setId("e-1");
        event.setTime(1_795_336_087_123L);
        event.setType(error == null ? EventType.LOGIN : EventType.LOGIN_ERROR);
        event.setRealmId("r-1");
        event.setClientId("clinical-app");
        event.setUserId("u-1");
        event.setSessionId("s-1");
        event.setIpAddress("10.1.2.3");
        event.setError(error);
        event.setDetails(Map.of("username", "jsmith4821", "auth_method", "openid-connect"));
        return event;
    }

    @Test
    void loginBecomesAnOcsfLogonWithWhoWhenAndWhere() {
        String record = text(AuditRecords.of(login(null), "hipaa", CLINICIAN, WORKSTATION));
        assertTrue(record.startsWith("{\"activity_id\":1,\"activity_name\":\"Logon\","), record);
        assertTrue(record.contains("\"class_uid\":3002"));
        assertTrue(record.contains("\"type_uid\":300201"));
        assertTrue(record.contains("\"time_dt\":\"2026-11-22T08:28:07.123Z\""), record);
        assertTrue(record.contains("\"device\":{\"type_id\":2,\"uid\":\"ED-WS-07\"}"));
        assertTrue(record.contains("\"auth_protocol\":\"OpenID Connect\""));
        assertTrue(record.contains("\"is_mfa\":true"));
        assertTrue(record.contains("\"amr\":[\"pwd\",\"otp\"]"));
        assertTrue(record.contains("\"status\":\"Success\""));
    }

    @Test
    void failedLoginCarriesTheErrorAndNothingOfAnUnknownUsername() throws Exception {
        Event event = login("user_not_found");
        event.setUserId(null);
        event.setDetails(Map.of("username", "Maybe-A-Password!"));
        String record = text(AuditRecords.of(event, "hipaa", Actor.UNKNOWN, WORKSTATION));
        assertTrue(record.contains("\"status_detail\":\"user_not_found\""));
        assertTrue(record.contains("\"status_id\":2"));
        assertFalse(record.contains("Maybe-A-Password!"), record);
        // An unsalted hash of what people type (often a password) can be reversed by guessing: none is kept.
        assertFalse(record.contains(sha256("maybe-a-password!")), record);
        assertFalse(record.contains(sha256("Maybe-A-Password!")), record);
        assertFalse(record.contains("username_sha256"), record);
        assertTrue(record.contains("\"username_unknown\":\"true\""), record);
    }

    @Test
    void roleGrantBecomesAssignPrivilegesOnTheTargetUser() {
        AdminEvent event = new AdminEvent();
        event.setTime(1_795_336_087_123L);
        event.setRealmId("r-1");
        event.setOperationType(OperationType.CREATE);
        event.setResourceType(ResourceType.REALM_ROLE_MAPPING);
        event.setResourcePath("users/u-9/role-mappings/realm");
        event.setRepresentation("[{\"name\":\"iam-admin\"}]");
        AuthDetails auth = new AuthDetails();
        auth.setRealmId("master");
        auth.setUserId("a-1");
        auth.setClientId("6f1c2a4e-0d7b-4b9e-9a51-2c3d4e5f6a7b");
        auth.setIpAddress("10.9.9.9");
        event.setAuthDetails(auth);

        String record = text(AuditRecords.of(event, true, "hipaa", new Actor("a-1", "adm-jsmith4821", List.of(), null, List.of()), Origin.UNKNOWN,
                "security-admin-console"));
        assertTrue(record.contains("\"class_uid\":3005"));
        assertTrue(record.contains("\"activity_name\":\"Assign Privileges\""));
        assertTrue(record.contains("\"user\":{\"type_id\":1,\"uid\":\"u-9\"}"), record);
        assertTrue(record.contains("iam-admin"));
        assertTrue(record.contains("\"app_name\":\"security-admin-console\""), "the app by its clientId, not its internal id: " + record);
        assertFalse(text(AuditRecords.of(event, false, "hipaa", Actor.UNKNOWN, Origin.UNKNOWN, null)).contains("iam-admin"),
                "representation left out when the realm does not include it");
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void otherAdminCallsAreApiActivity() {
        assertEquals(new Activity(OcsfClass.API_ACTIVITY, 3, "Update"), EventClassifier.of(ResourceType.CLIENT, OperationType.UPDATE));
        assertEquals(new Activity(OcsfClass.ACCOUNT_CHANGE, 6, "Delete"), EventClassifier.of(ResourceType.USER, OperationType.DELETE));
        assertEquals(new Activity(OcsfClass.AUTHENTICATION, 2, "Logoff"), EventClassifier.of(EventType.LOGOUT));
        assertEquals(new Activity(OcsfClass.ACCOUNT_CHANGE, 10, "MFA Factor Enable"), EventClassifier.of(EventType.UPDATE_TOTP));
    }
}

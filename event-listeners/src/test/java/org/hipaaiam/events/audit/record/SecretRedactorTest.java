package org.hipaaiam.events.audit.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    @Test
    void removesCredentialsFromAUserRepresentation() {
        String redacted = SecretRedactor.redact(
                "{\"username\":\"rlee6610\",\"credentials\":[{\"type\":\"password\",\"value\":\"Hunter2-Hunter2\"}]}");
        assertFalse(redacted.contains("Hunter2"), redacted);
        assertTrue(redacted.contains("rlee6610"));
    }

    @Test
    void removesClientSecretsAndRegistrationTokens() {
        String redacted = SecretRedactor.redact("{\"clientId\":\"clinical-app\",\"secret\":\"s3cr3t-value\","
                + "\"registrationAccessToken\":\"eyJhbGciOi\",\"attributes\":{\"client.secret.creation.time\":\"1\"}}");
        assertFalse(redacted.contains("s3cr3t-value"), redacted);
        assertFalse(redacted.contains("eyJhbGciOi"), redacted);
        assertTrue(redacted.contains("clinical-app"));
    }

    @Test
    void removesSecretValuesOfComponentConfigPairs() {
        String redacted = SecretRedactor.redact("{\"config\":[{\"name\":\"bindCredential\",\"value\":[\"ldap-pass\"]}],"
                + "\"bindDn\":\"cn=admin\"}");
        assertFalse(redacted.contains("ldap-pass"), redacted);
        assertTrue(redacted.contains("cn=admin"));
    }

    @Test
    void keepsRoleNamesAndWithholdsWhatItCannotParse() {
        String roles = "[{\"name\":\"privacy-officer\",\"composite\":true}]";
        assertEquals(roles, SecretRedactor.redact(roles));
        assertEquals(SecretRedactor.REDACTED, SecretRedactor.redact("{not json password=abc"));
    }
}

package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.hipaaiam.it.support.Accounts;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/** Accounts identify one person: naming convention, no generic names, one employee number per person. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class UniqueUserIdentificationIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    LifecycleScene scene;

    /** The realm export declares these validators; set here too because the shared local Maven repository may hold another build's export. */
    @BeforeEach
    void declareTheValidators() {
        UPConfig profile = realm.admin().users().userProfile().getConfiguration();
        profile.getAttribute("username").getValidations().put("hipaa-username-convention", Map.of());
        UPAttribute employeeNumber = profile.getAttribute("employeeNumber");
        employeeNumber.getValidations().put("hipaa-unique-employee-number", Map.of());
        realm.admin().users().userProfile().update(profile);
    }

    @Test
    void genericAndUnconventionalUsernamesAreRefused() {
        assertRefused(create("nurse4821", null), "generic");
        assertRefused(create("frontdesk7777", null), "generic");
        assertRefused(create("john.smith", null), "first initial + last name + employee number");
    }

    @Test
    void usernameMustEndWithTheEmployeeNumber() {
        String number = Accounts.newEmployeeNumber();
        assertRefused(create("pkhan" + Accounts.newEmployeeNumber(), number), number);
        assertEquals(201, create("pkhan" + number, number).getStatus());
    }

    @Test
    void anEmployeeNumberBelongsToOnePersonAndTheirAdminAccount() {
        String number = Accounts.newEmployeeNumber();
        assertEquals(201, create("rpatel" + number, number).getStatus());
        assertEquals(201, create("adm-rpatel" + number, number).getStatus(), "the same person's privileged account");
        assertRefused(create("kpatel" + number, number), "already belongs to another person");
    }

    @Test
    void serviceAccountsFollowTheirOwnConvention() {
        assertEquals(201, create("svc-pacs-dicom", null).getStatus());
        assertRefused(create("pacs-service", null), "svc-<application>-<function>");
    }

    /**
     * Keycloak's SCIM API creates users without the user-profile validators; the bundle's SCIM guard removes an
     * account with a refused name in the creating transaction, so it is never stored, and records why.
     */
    @Test
    void scimCannotKeepNamesTheAdminApiRefuses() throws Exception {
        enableScim();
        ScimClient scim = ScimClient.provisioning(realm);

        for (String refused : List.of("nurse4821", "john.smith")) {
            HttpResponse<String> created = scim.createUser(refused);
            assertTrue(realm.admin().users().search(refused, true).isEmpty(), refused + " is not stored; SCIM answered "
                    + created.statusCode() + " " + created.body());
            AuditTrail.StoredRecord record = scene.trail().single(r -> "username_convention".equals(r.at("unmapped.keycloak.error"))
                    && "scim".equals(r.at("unmapped.keycloak.details.source"))
                    && String.valueOf(r.at("unmapped.keycloak.details.reason")).startsWith("Username")
                    && r.text().contains(refused.equals("nurse4821") ? "generic" : "first initial"));
            assertEquals("REGISTER_ERROR", record.at("unmapped.keycloak.type"), record.text());
        }

        HttpResponse<String> conventional = scim.createUser("svc-pacs-hl7");
        assertEquals(201, conventional.statusCode(), conventional.body());
        assertEquals(1, realm.admin().users().search("svc-pacs-hl7", true).size(), "a conventional name is kept");
    }

    private void enableScim() {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setScimApiEnabled(true);
        realm.admin().update(rep);
    }

    private Response create(String username, String employeeNumber) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        if (employeeNumber != null) {
            user.setAttributes(Map.of("employeeNumber", List.of(employeeNumber)));
        }
        return realm.admin().users().create(user);
    }

    private static void assertRefused(Response response, String reasonPart) {
        String body = response.readEntity(String.class);
        assertEquals(400, response.getStatus(), body);
        assertTrue(body.contains(reasonPart), body);
    }
}

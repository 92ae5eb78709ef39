package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ForbiddenException;
import java.util.List;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.util.JsonSerialization;

/**
 * Credentials and roles of privileged accounts (`adm-` accounts, holders of realm-management roles) change only
 * by a realm administrator's hand: anyone else who may manage users is refused before anything changes, since a
 * reset password cannot be taken back. Privileged roles stay off everyday accounts also through composite roles.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class PrivilegedAccountChangesIT {

    // A fresh realm per test: tests change passwords and the clinician role's composites.
    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectScene
    LifecycleScene scene;

    @Test
    void aUserManagerWhoIsNoRealmAdminCannotTakeOverAPrivilegedAccount() throws Exception {
        AdminApi helpdesk = scene.adminApi(scene.userManagerToken(admin));
        UserResource iamAdmin = scene.account(DemoRealm.IAM_ADMIN);
        String iamAdminId = scene.user(DemoRealm.IAM_ADMIN).getId();
        Long passwordSetAt = scene.passwordSetAt(DemoRealm.IAM_ADMIN);
        String otpId = credentialId(iamAdmin, LifecycleScene.OTP_CREDENTIAL);

        HrFeed.assertRefused("privileged_account", 403, helpdesk.resetPassword(iamAdminId, "Taken-over-2026!"));
        HrFeed.assertRefused("privileged_account", 403, helpdesk.admin("DELETE", "users/" + iamAdminId + "/credentials/" + otpId, null));
        HrFeed.assertRefused("privileged_account", 403, helpdesk.admin("PUT", "users/" + iamAdminId,
                "{\"credentials\": [{\"type\": \"password\", \"value\": \"Taken-over-2026!\", \"temporary\": false}]}"));
        HrFeed.assertRefused("privileged_account", 403, helpdesk.admin("PUT", "users/" + iamAdminId + "/execute-actions-email",
                "[\"UPDATE_PASSWORD\"]"));
        HrFeed.assertRefused("privileged_account", 403, helpdesk.admin("POST", "users/" + iamAdminId + "/role-mappings/realm",
                "[" + roleJson("clinician") + "]"));

        assertEquals(passwordSetAt, scene.passwordSetAt(DemoRealm.IAM_ADMIN), "the password is unchanged");
        assertTrue(iamAdmin.credentials().stream().anyMatch(c -> otpId.equals(c.getId())), "the TOTP credential is still there");
        assertFalse(iamAdmin.roles().realmLevel().listAll().stream().anyMatch(r -> "clinician".equals(r.getName())));
        StoredRecord refused = scene.trail().single(r -> "privileged_account".equals(r.at("unmapped.keycloak.error"))
                && ("users/" + iamAdminId + "/reset-password").equals(r.at("unmapped.keycloak.details.path")));
        assertEquals("api-refused", refused.at("unmapped.keycloak.details.hipaa_event"), refused.text());
        assertEquals(iamAdminId, refused.at("unmapped.keycloak.details.target_user"), refused.text());
        assertFalse(refused.text().contains("Taken-over-2026!"));
    }

    @Test
    void aUserManagerWhoIsNoRealmAdminCannotRedirectOrRemoveAPrivilegedAccount() throws Exception {
        AdminApi helpdesk = scene.adminApi(scene.userManagerToken(admin));
        UserResource privacyOfficer = scene.account(DemoRealm.PRIVACY_OFFICER);
        UserRepresentation before = privacyOfficer.toRepresentation();
        String officerId = before.getId();

        // A new e-mail address is the first step of a takeover: the next "forgot password" mail goes there.
        UserRepresentation redirected = privacyOfficer.toRepresentation();
        redirected.setEmail("it-support@attacker.example");
        HrFeed.assertRefused("privileged_account", 403, helpdesk.admin("PUT", "users/" + officerId, JsonSerialization.writeValueAsString(redirected)));
        HrFeed.assertRefused("privileged_account", 403, helpdesk.admin("DELETE", "users/" + officerId, null));

        assertEquals(before.getEmail(), privacyOfficer.toRepresentation().getEmail(), "the e-mail address is unchanged");
        List<StoredRecord> refused = scene.trail().records(r -> "privileged_account".equals(r.at("unmapped.keycloak.error"))
                && ("users/" + officerId).equals(r.at("unmapped.keycloak.details.path")));
        assertEquals(2, refused.size(), "the edit and the removal are each recorded: " + refused);
        for (StoredRecord record : refused) {
            assertEquals(officerId, record.at("unmapped.keycloak.details.target_user"), record.text());
            assertFalse(record.text().contains("attacker.example"), "the refused value is not recorded");
        }
    }

    @Test
    void theUserManagerStillEditsAnEverydayAccountsProfile() throws Exception {
        AdminApi helpdesk = scene.adminApi(scene.userManagerToken(admin));
        String clinicianId = scene.user(DemoRealm.OTHER_CLINICIAN).getId();

        UserRepresentation renamed = scene.account(DemoRealm.OTHER_CLINICIAN).toRepresentation();
        renamed.setFirstName("Renamed");
        HrFeed.Answer edited = helpdesk.admin("PUT", "users/" + clinicianId, JsonSerialization.writeValueAsString(renamed));

        assertEquals(204, edited.status(), edited.json().toString());
        assertEquals("Renamed", scene.account(DemoRealm.OTHER_CLINICIAN).toRepresentation().getFirstName());
    }

    @Test
    void aUserManagerWhoIsNoRealmAdminCannotChangeTheRolesOfAGroupWithAPrivilegedMember() throws Exception {
        String groupId = scene.createGroup("ward-7-leads");
        scene.account(DemoRealm.IAM_ADMIN).joinGroup(groupId);
        AdminApi helpdesk = scene.adminApi(scene.userManagerToken(admin));

        HrFeed.assertRefused("privileged_account", 403, helpdesk.admin("POST", "groups/" + groupId + "/role-mappings/realm",
                "[" + roleJson("clinician") + "]"));

        assertTrue(realm.admin().groups().group(groupId).roles().realmLevel().listAll().isEmpty(), "the group's roles are unchanged");
        StoredRecord refused = scene.trail().single(r -> "privileged_account".equals(r.at("unmapped.keycloak.error"))
                && ("groups/" + groupId + "/role-mappings/realm").equals(r.at("unmapped.keycloak.details.path")));
        assertEquals("ward-7-leads", refused.at("unmapped.keycloak.details.group"), refused.text());
    }

    @Test
    void holdersOfRealmManagementRolesArePrivilegedToo() throws Exception {
        AdminApi helpdesk = scene.adminApi(scene.userManagerToken(admin));
        String privacyOfficerId = scene.user(DemoRealm.PRIVACY_OFFICER).getId();

        HrFeed.assertRefused("privileged_account", 403, helpdesk.resetPassword(privacyOfficerId, "Taken-over-2026!"));
    }

    @Test
    void theUserManagerStillResetsAnEverydayAccount() throws Exception {
        AdminApi helpdesk = scene.adminApi(scene.userManagerToken(admin));
        Long passwordSetAt = scene.passwordSetAt(DemoRealm.OTHER_CLINICIAN);

        HrFeed.Answer reset = helpdesk.resetPassword(scene.user(DemoRealm.OTHER_CLINICIAN).getId(), "Reset-by-helpdesk-2026");

        assertEquals(204, reset.status(), reset.json().toString());
        assertNotEquals(passwordSetAt, scene.passwordSetAt(DemoRealm.OTHER_CLINICIAN));
    }

    @Test
    void aRealmAdministratorResetsAPrivilegedAccountsPassword() {
        UserResource iamAdmin = scene.account(DemoRealm.IAM_ADMIN);
        Long passwordSetAt = scene.passwordSetAt(DemoRealm.IAM_ADMIN);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue("Rotated-by-realm-admin-2026");
        password.setTemporary(false);

        iamAdmin.resetPassword(password);

        assertNotEquals(passwordSetAt, scene.passwordSetAt(DemoRealm.IAM_ADMIN));
    }

    @Test
    void realmAdminPutIntoAnEverydayCompositeIsTakenBackAndAlerted() throws Exception {
        RoleRepresentation realmAdmin = realmManagementRole("realm-admin");

        realm.admin().roles().get("clinician").addComposites(List.of(realmAdmin));

        assertTrue(realm.admin().roles().get("clinician").getRoleComposites().stream().noneMatch(r -> "realm-admin".equals(r.getName())),
                "clinician carries no realm-admin");
        assertFalse(scene.account(DemoRealm.CLINICIAN).roles().clientLevel(realmManagementId()).listEffective().stream()
                .anyMatch(r -> "realm-admin".equals(r.getName())), "no clinician became a realm admin");
        StoredRecord refused = scene.trail().single(r -> "privileged_role_refused".equals(r.at("unmapped.keycloak.error"))
                && "clinician".equals(r.at("unmapped.keycloak.details.composite")));
        assertEquals("realm-admin", refused.at("unmapped.keycloak.details.role"), refused.text());
        assertFalse(scene.trail().records(r -> Integer.valueOf(2004).equals(r.at("class_uid"))
                && String.valueOf(r.at("finding_info.title")).contains("realm-admin")).isEmpty(), "the change raised the privileged-role alert");
    }

    @Test
    void aCompositeCarryingAPrivilegedRoleIsRefusedToAnEverydayAccount() throws Exception {
        RoleRepresentation supervisor = new RoleRepresentation();
        supervisor.setName("ward-supervisor");
        realm.admin().roles().create(supervisor);
        realm.admin().roles().get("ward-supervisor").addComposites(List.of(realmManagementRole("manage-users")));
        assertEquals(1, realm.admin().roles().get("ward-supervisor").getRoleComposites().size(), "no everyday account holds it yet");
        UserResource clinician = scene.account(DemoRealm.CLINICIAN);

        RoleRepresentation carrying = realm.admin().roles().get("ward-supervisor").toRepresentation();
        assertThrows(ForbiddenException.class, () -> clinician.roles().realmLevel().add(List.of(carrying)));

        assertFalse(clinician.roles().realmLevel().listAll().stream().anyMatch(r -> "ward-supervisor".equals(r.getName())),
                "the composite is not granted");
        String clinicianId = scene.user(DemoRealm.CLINICIAN).getId();
        StoredRecord refused = scene.trail().single(r -> "privileged_role_refused".equals(r.at("unmapped.keycloak.error"))
                && clinicianId.equals(r.at("unmapped.keycloak.details.target_user")));
        assertEquals("ward-supervisor", refused.at("unmapped.keycloak.details.role"), refused.text());
    }

    private String roleJson(String name) {
        RoleRepresentation role = realm.admin().roles().get(name).toRepresentation();
        return "{\"id\": \"" + role.getId() + "\", \"name\": \"" + role.getName() + "\"}";
    }

    private String realmManagementId() {
        return realm.admin().clients().findByClientId("realm-management").get(0).getId();
    }

    private RoleRepresentation realmManagementRole(String name) {
        return realm.admin().clients().get(realmManagementId()).roles().get(name).toRepresentation();
    }

    private static String credentialId(UserResource account, String type) {
        return account.credentials().stream().filter(c -> type.equals(c.getType())).findFirst().orElseThrow().getId();
    }

}

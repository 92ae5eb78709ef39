package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ForbiddenException;
import java.util.List;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Privileged roles are held only by `adm-` accounts: a direct grant to anyone else is refused before it is made; what
 * arrives another way (a role added to a group or a composite) is taken back at once. Both are recorded.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class PrivilegedRoleGuardIT {

    private static final String ADMIN_ACCOUNT = DemoRealm.IAM_ADMIN;

    // A fresh realm per test: tests grant roles to accounts of the shipped realm and add groups.
    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectScene
    LifecycleScene scene;

    @Test
    void iamAdminGrantedToAWorkforceAccountIsRefusedAndRecorded() throws Exception {
        UserResource clinician = scene.account(DemoRealm.CLINICIAN);

        assertThrows(ForbiddenException.class, () -> clinician.roles().realmLevel().add(List.of(realmRole("iam-admin"))));

        assertFalse(hasRealmRole(clinician, "iam-admin"));
        assertGrantRefused(clinician, "iam-admin", null);
    }

    @Test
    void realmManagementRoleGrantedToAWorkforceAccountIsRefused() throws Exception {
        UserResource clinician = scene.account(DemoRealm.CLINICIAN);

        assertThrows(ForbiddenException.class, () -> clinician.roles().clientLevel(realmManagementId()).add(List.of(manageUsers())));

        assertTrue(clinician.roles().clientLevel(realmManagementId()).listAll().stream().noneMatch(r -> "manage-users".equals(r.getName())));
        assertGrantRefused(clinician, "manage-users", null);
    }

    @Test
    void joiningAGroupThatCarriesAPrivilegedRoleIsRefused() throws Exception {
        String groupId = scene.createGroup("iam-operators");
        realm.admin().groups().group(groupId).roles().realmLevel().add(List.of(realmRole("iam-admin")));
        UserResource clinician = scene.account(DemoRealm.CLINICIAN);

        assertThrows(ForbiddenException.class, () -> clinician.joinGroup(groupId));

        assertTrue(clinician.groups().isEmpty());
        assertFalse(hasRealmRole(clinician, "iam-admin"));
        assertGrantRefused(clinician, "iam-admin", "iam-operators");
    }

    @Test
    void anEverydayRoleIsStillGranted() throws Exception {
        UserResource other = scene.account(DemoRealm.OTHER_CLINICIAN);
        RoleRepresentation wardClerk = new RoleRepresentation();
        wardClerk.setName("ward-clerk");
        realm.admin().roles().create(wardClerk);

        other.roles().realmLevel().add(List.of(realmRole("ward-clerk")));

        assertTrue(hasRealmRole(other, "ward-clerk"));
    }

    @Test
    void privilegedRoleAddedToAGroupWithNonAdmMembersIsRevertedAndAlerted() throws Exception {
        String groupId = scene.createGroup("ward-7-nurses");
        UserResource clinician = scene.account(DemoRealm.CLINICIAN);
        clinician.joinGroup(groupId);

        realm.admin().groups().group(groupId).roles().realmLevel().add(List.of(realmRole("iam-admin")));

        assertTrue(realm.admin().groups().group(groupId).roles().realmLevel().listAll().isEmpty(), "the group no longer carries the role");
        assertFalse(hasEffectiveRealmRole(clinician, "iam-admin"), "the member does not inherit it");
        assertEquals(1, clinician.groups().size(), "the member stays in the group");
        StoredRecord refused = scene.trail().single(r -> "privileged_role_refused".equals(r.at("unmapped.keycloak.error"))
                && "ward-7-nurses".equals(r.at("unmapped.keycloak.details.group")));
        assertEquals("iam-admin", refused.at("unmapped.keycloak.details.role"), refused.text());
        assertEquals("1", refused.at("unmapped.keycloak.details.non_adm_members"), refused.text());
        assertFalse(scene.trail().records(r -> Integer.valueOf(2004).equals(r.at("class_uid"))
                && String.valueOf(r.at("finding_info.title")).contains("iam-admin")).isEmpty(),
                "the grant raised the privileged-role alert");
    }

    @Test
    void privilegedRoleOnAGroupOfAdmAccountsStays() throws Exception {
        String groupId = scene.createGroup("iam-on-call");
        scene.account(ADMIN_ACCOUNT).joinGroup(groupId);

        realm.admin().groups().group(groupId).roles().realmLevel().add(List.of(realmRole("iam-admin")));

        assertEquals(List.of("iam-admin"), realm.admin().groups().group(groupId).roles().realmLevel().listAll().stream()
                .map(RoleRepresentation::getName).toList());
    }

    private static boolean hasEffectiveRealmRole(UserResource account, String role) {
        return account.roles().realmLevel().listEffective().stream().anyMatch(r -> role.equals(r.getName()));
    }

    @Test
    void admAccountsKeepPrivilegedRoles() throws Exception {
        UserResource admin = scene.account(ADMIN_ACCOUNT);

        admin.roles().clientLevel(realmManagementId()).add(List.of(manageUsers()));

        assertTrue(admin.roles().clientLevel(realmManagementId()).listAll().stream().anyMatch(r -> "manage-users".equals(r.getName())));
        assertTrue(hasRealmRole(admin, "iam-admin"));
        String adminId = admin.toRepresentation().getId();
        assertTrue(AuditTrail.all().records(r -> "privileged_role_refused".equals(r.at("unmapped.keycloak.error"))
                && adminId.equals(r.at("user.uid"))).isEmpty());
    }

    /** Refused by the admin-API guard before the grant: recorded with the caller as the actor and the account as target. */
    private void assertGrantRefused(UserResource account, String role, String group) throws Exception {
        String userId = account.toRepresentation().getId();
        StoredRecord refused = scene.trail().single(r -> "privileged_role_refused".equals(r.at("unmapped.keycloak.error"))
                && userId.equals(r.at("unmapped.keycloak.details.target_user")));
        assertEquals("api-refused", refused.at("unmapped.keycloak.details.hipaa_event"), refused.text());
        assertEquals(role, refused.at("unmapped.keycloak.details.role"), refused.text());
        assertEquals(group, refused.at("unmapped.keycloak.details.group"), refused.text());
    }

    private RoleRepresentation realmRole(String name) {
        return realm.admin().roles().get(name).toRepresentation();
    }

    private String realmManagementId() {
        return realm.admin().clients().findByClientId("realm-management").get(0).getId();
    }

    private RoleRepresentation manageUsers() {
        return realm.admin().clients().get(realmManagementId()).roles().get("manage-users").toRepresentation();
    }

    private static boolean hasRealmRole(UserResource account, String role) {
        return account.roles().realmLevel().listAll().stream().anyMatch(r -> role.equals(r.getName()));
    }
}

package org.hipaaiam.lifecycle.privilege;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Takes privileged roles back from an account that may not hold them: direct role mappings are removed and
 * groups carrying such a role (on the group or a parent) are left. Each revert is recorded as an
 * `UPDATE_PROFILE_ERROR` event with error `privileged_role_refused` (Keycloak has no user event type for role
 * changes), which the audit listener writes to the ledger next to the admin event of the grant.
 */
final class PrivilegedRoleGuard {

    static final String ERROR = "privileged_role_refused";
    static final String DETAIL_ROLE = "role";
    static final String DETAIL_GROUP = "group";
    static final String DETAIL_NON_ADM_MEMBERS = "non_adm_members";
    static final String REASON = "privileged roles are held only by adm- accounts";
    static final String GROUP_REASON = "the group has members that are not adm- accounts";

    private static final Logger LOG = Logger.getLogger(PrivilegedRoleGuard.class);

    private PrivilegedRoleGuard() {
    }

    /** A grant to a user (directly or by joining a group) or to a group, in a realm where the bundle's policies apply. */
    static void onAdminEvent(KeycloakSession session, AdminEvent event) {
        Optional<String> userId = RoleGrantEvents.grantee(event);
        Optional<String> groupId = RoleGrantEvents.groupGrantee(event);
        if (userId.isEmpty() && groupId.isEmpty()) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (!BundleScope.policiesApply(realm)) {
            return;
        }
        PrivilegedRolePolicy policy = PrivilegedRolePolicy.of(RealmSettings.of(session, realm));
        userId.map(id -> session.users().getUserById(realm, id)).ifPresent(user -> enforce(session, realm, policy, user));
        groupId.map(id -> session.groups().getGroupById(realm, id)).ifPresent(group -> enforceOnGroup(session, realm, policy, group));
    }

    private static void enforce(KeycloakSession session, RealmModel realm, PrivilegedRolePolicy policy, UserModel user) {
        if (policy.mayHoldPrivilegedRoles(user.getUsername())) {
            return;
        }
        for (RoleModel role : user.getRoleMappingsStream().filter(role -> isPrivileged(policy, role)).toList()) {
            user.deleteRoleMapping(role);
            record(session, realm, user, role.getName(), null);
        }
        for (GroupModel group : user.getGroupsStream().toList()) {
            List<RoleModel> carried = withParents(group).flatMap(GroupModel::getRoleMappingsStream)
                    .filter(role -> isPrivileged(policy, role)).toList();
            if (!carried.isEmpty()) {
                user.leaveGroup(group);
                carried.forEach(role -> record(session, realm, user, role.getName(), group.getName()));
            }
        }
    }

    /**
     * A privileged role given to a group is taken back from the group when the group (or a subgroup, which
     * inherits it) has members that may not hold it; one event per role records the revert and the count.
     */
    private static void enforceOnGroup(KeycloakSession session, RealmModel realm, PrivilegedRolePolicy policy, GroupModel group) {
        List<RoleModel> privileged = group.getRoleMappingsStream().filter(role -> isPrivileged(policy, role)).toList();
        if (privileged.isEmpty()) {
            return;
        }
        long others = withSubgroups(group).flatMap(g -> session.users().getGroupMembersStream(realm, g))
                .filter(member -> !policy.mayHoldPrivilegedRoles(member.getUsername()))
                .map(UserModel::getId).distinct().count();
        if (others == 0) {
            return;
        }
        for (RoleModel role : privileged) {
            group.deleteRoleMapping(role);
            new EventBuilder(realm, session, session.getContext().getConnection())
                    .event(EventType.UPDATE_PROFILE_ERROR)
                    .detail(DETAIL_ROLE, role.getName())
                    .detail(DETAIL_GROUP, group.getName())
                    .detail(DETAIL_NON_ADM_MEMBERS, Long.toString(others))
                    .detail(AuditDetails.REASON, GROUP_REASON)
                    .error(ERROR);
            LOG.warnf("Reverted privileged role %s on group %s in realm %s: %d members are not adm- accounts", role.getName(),
                    group.getName(), realm.getName(), others);
        }
    }

    private static Stream<GroupModel> withSubgroups(GroupModel group) {
        return Stream.concat(Stream.of(group), group.getSubGroupsStream().flatMap(PrivilegedRoleGuard::withSubgroups));
    }

    /** Realm roles by name, and the realm-management client's roles by name; other clients' roles are their own business. */
    private static boolean isPrivileged(PrivilegedRolePolicy policy, RoleModel role) {
        if (!policy.isPrivileged(role.getName())) {
            return false;
        }
        return !role.isClientRole() || Constants.REALM_MANAGEMENT_CLIENT_ID.equals(((ClientModel) role.getContainer()).getClientId());
    }

    private static Stream<GroupModel> withParents(GroupModel group) {
        return Stream.iterate(group, g -> g != null, GroupModel::getParent);
    }

    private static void record(KeycloakSession session, RealmModel realm, UserModel user, String role, String group) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.UPDATE_PROFILE_ERROR)
                .user(user)
                .detail(DETAIL_ROLE, role)
                .detail(AuditDetails.REASON, REASON);
        if (group != null) {
            event.detail(DETAIL_GROUP, group);
        }
        event.error(ERROR);
        LOG.warnf("Reverted grant of privileged role %s to non-privileged account %s in realm %s", role, user.getId(), realm.getName());
    }
}

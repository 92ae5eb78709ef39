package org.hipaaiam.lifecycle.privilege;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hipaaiam.core.account.GroupTree;
import org.hipaaiam.core.account.PrivilegedRoles;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.jboss.logging.Logger;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Takes privileged roles back from accounts that may not hold them, judging roles by what they carry: a role is
 * privileged when it is on the list or contains one through its composites. Direct role mappings are removed,
 * groups carrying such a role (on the group or a parent) are left, a group's new privileged role is removed when
 * it has such members, and a role put into a composite is removed again when the composite has such holders.
 * Each revert is recorded as an `UPDATE_PROFILE_ERROR` event with error `privileged_role_refused` (Keycloak has no
 * user event type for role changes), which the audit listener writes to the ledger next to the admin event.
 */
final class PrivilegedRoleGuard {

    static final String ERROR = PrivilegedRolePolicy.REFUSED;
    static final String DETAIL_ROLE = PrivilegedRolePolicy.DETAIL_ROLE;
    static final String DETAIL_GROUP = PrivilegedRolePolicy.DETAIL_GROUP;
    static final String DETAIL_COMPOSITE = "composite";
    static final String DETAIL_NON_ADM_MEMBERS = "non_adm_members";
    static final String DETAIL_NON_ADM_HOLDERS = "non_adm_holders";
    static final String REASON = PrivilegedRolePolicy.REASON;
    static final String GROUP_REASON = "the group has members that are not adm- accounts";
    static final String COMPOSITE_REASON = "the composite role is held by accounts that are not adm- accounts";

    private static final Logger LOG = Logger.getLogger(PrivilegedRoleGuard.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PrivilegedRolePolicy policy;
    private final List<RoleModel> privileged;

    private PrivilegedRoleGuard(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.policy = PrivilegedRolePolicy.of(RealmSettings.of(session, realm));
        this.privileged = PrivilegedRoles.models(realm, List.copyOf(policy.privilegedRoles()));
    }

    /** A grant to a user (directly or by joining a group), to a group or into a composite role, where the bundle's policies apply. */
    static void onAdminEvent(KeycloakSession session, AdminEvent event) {
        Optional<String> userId = RoleGrantEvents.grantee(event);
        Optional<String> groupId = RoleGrantEvents.groupGrantee(event);
        Optional<RoleGrantEvents.CompositeRole> composite = RoleGrantEvents.compositeGrantee(event);
        if (userId.isEmpty() && groupId.isEmpty() && composite.isEmpty()) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (!BundleScope.policiesApply(realm)) {
            return;
        }
        PrivilegedRoleGuard guard = new PrivilegedRoleGuard(session, realm);
        userId.map(id -> session.users().getUserById(realm, id)).ifPresent(guard::enforce);
        groupId.map(id -> session.groups().getGroupById(realm, id)).ifPresent(guard::enforceOnGroup);
        composite.map(guard::role).ifPresent(guard::enforceOnComposite);
    }

    private void enforce(UserModel user) {
        if (policy.mayHoldPrivilegedRoles(realm, user)) {
            return;
        }
        for (RoleModel role : user.getRoleMappingsStream().filter(this::isPrivileged).toList()) {
            user.deleteRoleMapping(role);
            record(user, role.getName(), null);
        }
        for (GroupModel group : user.getGroupsStream().toList()) {
            List<RoleModel> carried = GroupTree.withParents(group).flatMap(GroupModel::getRoleMappingsStream).filter(this::isPrivileged).toList();
            if (!carried.isEmpty()) {
                user.leaveGroup(group);
                carried.forEach(role -> record(user, role.getName(), group.getName()));
            }
        }
    }

    /**
     * A privileged role given to a group is taken back from the group when the group (or a subgroup, which
     * inherits it) has members that may not hold it; one event per role records the revert and the count.
     */
    private void enforceOnGroup(GroupModel group) {
        List<RoleModel> carried = group.getRoleMappingsStream().filter(this::isPrivileged).toList();
        if (carried.isEmpty()) {
            return;
        }
        long others = mayNotHold(GroupTree.withSubgroups(group).flatMap(g -> session.users().getGroupMembersStream(realm, g)));
        if (others == 0) {
            return;
        }
        for (RoleModel role : carried) {
            group.deleteRoleMapping(role);
            event().detail(DETAIL_ROLE, role.getName())
                    .detail(DETAIL_GROUP, group.getName())
                    .detail(DETAIL_NON_ADM_MEMBERS, Long.toString(others))
                    .detail(AuditDetails.REASON, GROUP_REASON)
                    .error(ERROR);
            LOG.warnf("Reverted privileged role %s on group %s in realm %s: %d members are not adm- accounts", role.getName(),
                    group.getName(), realm.getName(), others);
        }
    }

    /**
     * A privileged role put into a composite (`realm-admin` into `clinician`) is taken out again when anyone who
     * may not hold it holds the composite: directly, through a group, or through another composite containing it.
     */
    private void enforceOnComposite(RoleModel composite) {
        List<RoleModel> carried = composite.getCompositesStream().filter(this::isPrivileged).toList();
        if (carried.isEmpty()) {
            return;
        }
        long others = mayNotHold(holders(composite));
        if (others == 0) {
            return;
        }
        for (RoleModel role : carried) {
            composite.removeCompositeRole(role);
            event().detail(DETAIL_ROLE, role.getName())
                    .detail(DETAIL_COMPOSITE, displayName(composite))
                    .detail(DETAIL_NON_ADM_HOLDERS, Long.toString(others))
                    .detail(AuditDetails.REASON, COMPOSITE_REASON)
                    .error(ERROR);
            LOG.warnf("Reverted privileged role %s in composite role %s in realm %s: %d holders are not adm- accounts", role.getName(),
                    displayName(composite), realm.getName(), others);
        }
    }

    /** Everyone holding `role`: through the role itself or any role containing it, directly or through a group. */
    private Stream<UserModel> holders(RoleModel role) {
        List<RoleModel> carriers = Stream.concat(realm.getRolesStream(), realm.getClientsStream().flatMap(ClientModel::getRolesStream))
                .filter(candidate -> candidate.hasRole(role)).toList();
        Set<String> carrierIds = carriers.stream().map(RoleModel::getId).collect(Collectors.toSet());
        Stream<UserModel> direct = carriers.stream().flatMap(carrier -> session.users().getRoleMembersStream(realm, carrier));
        Stream<UserModel> throughGroups = realm.getTopLevelGroupsStream().flatMap(GroupTree::withSubgroups)
                .filter(group -> group.getRoleMappingsStream().anyMatch(mapped -> carrierIds.contains(mapped.getId())))
                .flatMap(GroupTree::withSubgroups)
                .flatMap(group -> session.users().getGroupMembersStream(realm, group));
        return Stream.concat(direct, throughGroups);
    }

    private long mayNotHold(Stream<UserModel> accounts) {
        return accounts.filter(account -> !policy.mayHoldPrivilegedRoles(realm, account)).map(UserModel::getId).distinct().count();
    }

    /** On the list (a realm role or a realm-management role of that name) or carrying one through its composites. */
    private boolean isPrivileged(RoleModel role) {
        return PrivilegedRoles.carriedBy(role, privileged);
    }

    private RoleModel role(RoleGrantEvents.CompositeRole composite) {
        if (composite.id() != null) {
            return session.roles().getRoleById(realm, composite.id());
        }
        if (composite.clientUuid() == null) {
            return realm.getRole(composite.name());
        }
        ClientModel client = realm.getClientById(composite.clientUuid());
        return client == null ? null : client.getRole(composite.name());
    }

    private static String displayName(RoleModel role) {
        return role.isClientRole() ? ((ClientModel) role.getContainer()).getClientId() + "/" + role.getName() : role.getName();
    }

    private EventBuilder event() {
        return new EventBuilder(realm, session, session.getContext().getConnection()).event(EventType.UPDATE_PROFILE_ERROR);
    }

    private void record(UserModel user, String role, String group) {
        EventBuilder event = event().user(user).detail(DETAIL_ROLE, role).detail(AuditDetails.REASON, REASON);
        if (group != null) {
            event.detail(DETAIL_GROUP, group);
        }
        event.error(ERROR);
        LOG.warnf("Reverted grant of privileged role %s to non-privileged account %s in realm %s", role, user.getId(), realm.getName());
    }
}

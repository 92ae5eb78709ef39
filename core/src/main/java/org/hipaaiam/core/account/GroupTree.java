package org.hipaaiam.core.account;

import java.util.Objects;
import java.util.stream.Stream;
import org.keycloak.models.GroupModel;

/** How roles flow through Keycloak's groups: a member holds the roles of the group and of every parent group. */
public final class GroupTree {

    private GroupTree() {
    }

    /** The group and its parents: whose roles a member of the group holds. */
    public static Stream<GroupModel> withParents(GroupModel group) {
        return Stream.iterate(group, Objects::nonNull, GroupModel::getParent);
    }

    /** The group and its subgroups, however deep: whose members hold the group's roles. */
    public static Stream<GroupModel> withSubgroups(GroupModel group) {
        return Stream.concat(Stream.of(group), group.getSubGroupsStream().flatMap(GroupTree::withSubgroups));
    }
}

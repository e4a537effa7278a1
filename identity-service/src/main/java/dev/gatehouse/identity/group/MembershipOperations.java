package dev.gatehouse.identity.group;

import dev.gatehouse.identity.admin.AdminAuthorization;
import dev.gatehouse.identity.admin.AdminUserOperations;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoException;
import dev.gatehouse.identity.protocol.CognitoOperation;
import dev.gatehouse.identity.protocol.CognitoRequest;
import dev.gatehouse.identity.protocol.Members;
import dev.gatehouse.identity.protocol.OperationSet;
import dev.gatehouse.identity.user.User;
import dev.gatehouse.identity.user.UserStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * AdminAddUserToGroup, AdminRemoveUserFromGroup, AdminListGroupsForUser, ListUsersInGroup:
 * SigV4-signed like the other admin operations. Users are named by username or verified email
 * alias, as in AdminGetUser; admin calls name missing users plainly ({@code
 * UserNotFoundException}). The group is looked for first, the user second.
 */
@ApplicationScoped
public class MembershipOperations implements OperationSet {

    static final String NO_USER = "User does not exist.";

    private final AdminAuthorization authorization;
    private final UserPool pool;
    private final GroupStore groups;
    private final Memberships memberships;
    private final UserStore users;

    MembershipOperations(
            AdminAuthorization authorization,
            UserPool pool,
            GroupStore groups,
            Memberships memberships,
            UserStore users) {
        this.authorization = authorization;
        this.pool = pool;
        this.groups = groups;
        this.memberships = memberships;
        this.users = users;
    }

    @Override
    public Map<String, CognitoOperation> operations() {
        return Map.of(
                "AdminAddUserToGroup", signed("AdminAddUserToGroup", r -> change(r, true)),
                "AdminRemoveUserFromGroup",
                        signed("AdminRemoveUserFromGroup", r -> change(r, false)),
                "AdminListGroupsForUser", signed("AdminListGroupsForUser", this::groupsOfUser),
                "ListUsersInGroup", signed("ListUsersInGroup", this::usersInGroup));
    }

    private CognitoOperation signed(String operation, Function<CognitoRequest, Object> handler) {
        return GroupOperations.signed(authorization, pool, operation, handler);
    }

    Object change(CognitoRequest request, boolean add) {
        String username = request.required("Username");
        String name = request.required("GroupName");
        new GroupRules().groupName(name).check();
        if (groups.find(name).isEmpty()) {
            throw GroupOperations.groupNotFound();
        }
        User user = user(username);
        Memberships.Change change =
                add ? memberships.add(user, name) : memberships.remove(user, name);
        return switch (change) {
            case DONE -> Map.of();
            case NO_GROUP -> throw GroupOperations.groupNotFound();
            case NO_USER -> throw userNotFound();
            case USER_IN_TOO_MANY_GROUPS ->
                    // UNVERIFIED wording: the quota (100 groups per user) is documented, the
                    // message is not.
                    throw new CognitoException(
                            "LimitExceededException",
                            "The user is already a member of the maximum number of groups.");
        };
    }

    Object groupsOfUser(CognitoRequest request) {
        User user = user(request.required("Username"));
        Paging.Page<String> names = memberships.groupsOf(user.sub(), Paging.of(request));
        return Members.of(
                "Groups",
                groups.read(names.entries()).stream().map(g -> g.groupType(pool.id())).toList(),
                "NextToken",
                names.nextToken().orElse(null));
    }

    Object usersInGroup(CognitoRequest request) {
        String name = request.required("GroupName");
        new GroupRules().groupName(name).check();
        Paging paging = Paging.of(request);
        if (groups.find(name).isEmpty()) {
            throw GroupOperations.groupNotFound();
        }
        Paging.Page<String> subs = memberships.membersOf(name, paging);
        List<Map<String, Object>> members =
                subs.entries().stream()
                        .map(users::bySub)
                        .flatMap(Optional::stream)
                        .map(AdminUserOperations::userType)
                        .toList();
        return Members.of("Users", members, "NextToken", subs.nextToken().orElse(null));
    }

    private User user(String username) {
        return users.resolve(username).orElseThrow(MembershipOperations::userNotFound);
    }

    private static CognitoException userNotFound() {
        return CognitoErrors.userNotFound(NO_USER);
    }
}

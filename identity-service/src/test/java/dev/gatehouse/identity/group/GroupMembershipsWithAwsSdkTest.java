package dev.gatehouse.identity.group;

import static dev.gatehouse.identity.group.GroupClients.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.user.UserKeys;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersInGroupResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * AdminAddUserToGroup, AdminRemoveUserFromGroup, AdminListGroupsForUser and ListUsersInGroup with
 * the AWS SDK v2 client; deleting a group or a user removes their memberships, and what is left in
 * Redis shares the pool's hash tag.
 */
@QuarkusTest
@TestProfile(GroupsProfile.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class GroupMembershipsWithAwsSdkTest {

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;
    @Inject RedisDataSource redis;

    GroupClients clients;
    CognitoIdentityProviderClient groups;

    @BeforeEach
    void clients() {
        clients = GroupClients.of(url, pool);
        groups = clients.groups();
    }

    private void add(String username, String group) {
        groups.adminAddUserToGroup(
                r -> r.userPoolId(pool.id()).username(username).groupName(group));
    }

    private List<String> groupsOf(String username) {
        return groups
                .adminListGroupsForUser(r -> r.userPoolId(pool.id()).username(username))
                .groups()
                .stream()
                .map(GroupType::groupName)
                .toList();
    }

    private List<String> usersIn(String group, int limit) {
        List<String> users = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListUsersInGroupResponse page =
                    groups.listUsersInGroup(
                            r ->
                                    r.userPoolId(pool.id())
                                            .groupName(group)
                                            .limit(limit)
                                            .nextToken(next));
            assertThat(page.users().size()).isLessThanOrEqualTo(limit);
            page.users().stream().map(UserType::username).forEach(users::add);
            token = page.nextToken();
        } while (token != null);
        return users;
    }

    @Test
    void addsListsAndRemovesMembersBothWays() {
        groups.createGroup(r -> r.userPoolId(pool.id()).groupName("crew"));
        for (String name : List.of("ann", "ben", "cal", "dee", "eve")) {
            clients.user(name);
            add(name, "crew");
        }
        add("ann", "Editors");
        add("ann", "EDITORS"); // names are case-insensitive; adding again changes nothing
        add("ann@example.com", "readers"); // a verified email alias names the user too

        assertThat(groupsOf("ann")).containsExactly("crew", "Editors", "readers");
        var editors = groups.adminListGroupsForUser(r -> r.userPoolId(pool.id()).username("ann"));
        assertThat(editors.groups().get(1).roleArn()).isEqualTo(GroupsProfile.EDITORS_ROLE);
        var firstPage =
                groups.adminListGroupsForUser(
                        r -> r.userPoolId(pool.id()).username("ann").limit(2));
        assertThat(firstPage.groups()).hasSize(2);
        var secondPage =
                groups.adminListGroupsForUser(
                        r ->
                                r.userPoolId(pool.id())
                                        .username("ann")
                                        .limit(2)
                                        .nextToken(firstPage.nextToken()));
        assertThat(secondPage.groups()).extracting(GroupType::groupName).containsExactly("readers");
        assertThat(secondPage.nextToken()).isNull();

        List<String> crew = usersIn("crew", 60);
        assertThat(crew).containsExactlyInAnyOrder("ann", "ben", "cal", "dee", "eve");
        assertThat(usersIn("crew", 2)).containsExactlyElementsOf(crew);
        UserType ann =
                groups.listUsersInGroup(r -> r.userPoolId(pool.id()).groupName("Editors"))
                        .users()
                        .get(0);
        assertThat(ann.username()).isEqualTo("ann");
        assertThat(ann.enabled()).isTrue();
        assertThat(ann.attributes()).anySatisfy(a -> assertThat(a.name()).isEqualTo("sub"));

        groups.adminRemoveUserFromGroup(
                r -> r.userPoolId(pool.id()).username("ben").groupName("crew"));
        groups.adminRemoveUserFromGroup(
                r -> r.userPoolId(pool.id()).username("ben").groupName("crew"));
        assertThat(usersIn("crew", 60)).doesNotContain("ben").hasSize(4);
        assertThat(groupsOf("ben")).isEmpty();
    }

    @Test
    void refusesUnknownGroupsAndUsersAndChangesNothing() {
        clients.user("fay");
        groups.createGroup(r -> r.userPoolId(pool.id()).groupName("squad"));
        add("fay", "squad");

        assertAwsError(
                () -> add("fay", "nowhere"), "ResourceNotFoundException", "Group not found.");
        assertAwsError(
                () -> add("nobody", "squad"), "UserNotFoundException", "User does not exist.");
        assertAwsError(
                () -> add("fay", "no group"),
                "InvalidParameterException",
                "1 validation error detected: Value 'no group' at 'groupName'");
        assertAwsError(
                () ->
                        groups.adminRemoveUserFromGroup(
                                r -> r.userPoolId(pool.id()).username("nobody").groupName("squad")),
                "UserNotFoundException",
                "User does not exist.");
        assertAwsError(
                () ->
                        groups.adminListGroupsForUser(
                                r -> r.userPoolId(pool.id()).username("nobody")),
                "UserNotFoundException",
                "User does not exist.");
        assertAwsError(
                () -> groups.listUsersInGroup(r -> r.userPoolId(pool.id()).groupName("nowhere")),
                "ResourceNotFoundException",
                "Group not found.");
        assertAwsError(
                () ->
                        clients.reader()
                                .adminAddUserToGroup(
                                        r ->
                                                r.userPoolId(pool.id())
                                                        .username("fay")
                                                        .groupName("Editors")),
                "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/reader is not authorized to perform:"
                        + " cognito-idp:AdminAddUserToGroup");

        assertThat(groupsOf("fay")).containsExactly("squad");
        assertThat(usersIn("squad", 60)).containsExactly("fay");
        assertThat(usersIn("Editors", 60)).isEmpty();
    }

    private String sub(String username) {
        return GroupClients.claims(clients.users().signIn(username, TestUsers.PASSWORD).idToken())
                .get("sub")
                .asText();
    }

    @Test
    void deletingAGroupOrAUserRemovesTheirMemberships() {
        clients.user("gus");
        clients.user("hal");
        String halSub = sub("hal");
        GroupKeys groupKeys = new GroupKeys(new UserKeys(pool.id()));
        groups.createGroup(r -> r.userPoolId(pool.id()).groupName("temps"));
        add("gus", "temps");
        add("hal", "temps");
        add("gus", "readers");

        clients.deleter().deleteGroup(r -> r.userPoolId(pool.id()).groupName("temps"));
        assertThat(groupsOf("gus")).containsExactly("readers");
        assertThat(groupsOf("hal")).isEmpty();
        // The members' own group lists no longer name it (not merely hidden on reading).
        assertThat(redis.sortedSet(String.class).zrange(groupKeys.groupsOf(sub("gus")), 0, -1))
                .containsExactly("readers");
        assertThat(redis.key().exists(groupKeys.groupsOf(halSub))).isFalse();
        // A group created again under the name starts without the old members.
        groups.createGroup(r -> r.userPoolId(pool.id()).groupName("Temps"));
        assertThat(usersIn("Temps", 60)).isEmpty();
        add("hal", "Temps");

        clients.deleter().adminDeleteUser(r -> r.userPoolId(pool.id()).username("hal"));
        assertThat(usersIn("Temps", 60)).isEmpty();
        // Nothing of the deleted user's memberships is left behind in Redis.
        assertThat(redis.sortedSet(String.class).zcard(groupKeys.members("Temps"))).isZero();
        assertThat(redis.key().exists(groupKeys.groupsOf(halSub))).isFalse();
        // A user created again under the name is in no group.
        clients.user("hal");
        assertThat(groupsOf("hal")).isEmpty();
        assertThat(usersIn("Temps", 60)).isEmpty();

        List<String> stored = new ArrayList<>();
        redis.key().keys("gatehouse:identity:*group*").forEach(stored::add);
        assertThat(stored).isNotEmpty().allMatch(key -> key.startsWith(groupKeys.pool().prefix()));
        assertThat(stored).noneMatch(key -> key.contains("group-members-deleted"));
    }
}

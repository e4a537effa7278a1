package dev.gatehouse.identity.group;

import static dev.gatehouse.identity.group.GroupClients.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.testing.RedisTestResource;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/**
 * The tokens of a sign-in (USER_PASSWORD_AUTH with the AWS SDK) and of a refresh carry the user's
 * groups as Cognito puts them: {@code cognito:groups} in both tokens, ordered by precedence, and
 * {@code cognito:roles} and {@code cognito:preferred_role} in the ID token only.
 */
@QuarkusTest
@TestProfile(GroupsProfile.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class GroupClaimsInTokensTest {

    static final String ADMINS = "arn:aws:iam::123456789012:role/Admins";
    static final String SUPPORT = "arn:aws:iam::123456789012:role/Support";

    @TestHTTPResource("/")
    URL url;

    @Inject UserPool pool;

    GroupClients clients;
    CognitoIdentityProviderClient groups;

    @BeforeEach
    void clients() {
        clients = GroupClients.of(url, pool);
        groups = clients.groups();
    }

    private void group(String name, String role, Integer precedence) {
        groups.createGroup(
                r -> r.userPoolId(pool.id()).groupName(name).roleArn(role).precedence(precedence));
    }

    private void add(String username, String group) {
        groups.adminAddUserToGroup(
                r -> r.userPoolId(pool.id()).username(username).groupName(group));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    @Test
    void tokensCarryGroupsByPrecedenceRolesAndThePreferredRole() {
        clients.user("ida");
        group("admins", ADMINS, 0);
        group("support", SUPPORT, 7);
        group("plain", null, null);
        for (String group : List.of("plain", "support", "readers", "admins", "Editors")) {
            add("ida", group);
        }

        AuthenticationResultType tokens = clients.users().signIn("ida", TestUsers.PASSWORD);
        JsonNode id = claims(tokens.idToken());
        JsonNode access = claims(tokens.accessToken());
        List<String> ordered = List.of("admins", "Editors", "support", "plain", "readers");
        assertThat(texts(id.get("cognito:groups"))).containsExactlyElementsOf(ordered);
        assertThat(texts(access.get("cognito:groups"))).containsExactlyElementsOf(ordered);
        assertThat(texts(id.get("cognito:roles")))
                .containsExactly(ADMINS, GroupsProfile.EDITORS_ROLE, SUPPORT);
        assertThat(id.get("cognito:preferred_role").asText()).isEqualTo(ADMINS);
        assertThat(access.has("cognito:roles")).isFalse();
        assertThat(access.has("cognito:preferred_role")).isFalse();

        // A refresh reflects what changed since the sign-in.
        groups.adminRemoveUserFromGroup(
                r -> r.userPoolId(pool.id()).username("ida").groupName("admins"));
        JsonNode refreshed =
                claims(clients.users().refresh("tester", tokens.refreshToken()).idToken());
        assertThat(texts(refreshed.get("cognito:groups")))
                .containsExactly("Editors", "support", "plain", "readers");
        assertThat(refreshed.get("cognito:preferred_role").asText())
                .isEqualTo(GroupsProfile.EDITORS_ROLE);
    }

    @Test
    void groupsTiedOnPrecedenceWithDifferentRolesPreferNone() {
        clients.user("jon");
        group("left", ADMINS, 2);
        group("right", SUPPORT, 2);
        group("last", "arn:aws:iam::123456789012:role/Last", 9);
        add("jon", "left");
        add("jon", "right");
        add("jon", "last");
        JsonNode id = claims(clients.users().signIn("jon", TestUsers.PASSWORD).idToken());
        assertThat(texts(id.get("cognito:roles"))).hasSize(3);
        assertThat(id.has("cognito:preferred_role")).isFalse();

        // The same role on both tied groups is preferred.
        groups.updateGroup(r -> r.userPoolId(pool.id()).groupName("right").roleArn(ADMINS));
        id = claims(clients.users().signIn("jon", TestUsers.PASSWORD).idToken());
        assertThat(id.get("cognito:preferred_role").asText()).isEqualTo(ADMINS);
        assertThat(texts(id.get("cognito:roles")))
                .containsExactly(ADMINS, "arn:aws:iam::123456789012:role/Last");
    }

    @Test
    void usersInNoGroupGetNoGroupClaims() {
        clients.user("kim");
        AuthenticationResultType tokens = clients.users().signIn("kim", TestUsers.PASSWORD);
        JsonNode id = claims(tokens.idToken());
        assertThat(id.has("cognito:groups")).isFalse();
        assertThat(id.has("cognito:roles")).isFalse();
        assertThat(id.has("cognito:preferred_role")).isFalse();
        assertThat(claims(tokens.accessToken()).has("cognito:groups")).isFalse();

        // A group without a role gives groups but no roles.
        add("kim", "readers");
        id = claims(clients.users().signIn("kim", TestUsers.PASSWORD).idToken());
        assertThat(texts(id.get("cognito:groups"))).containsExactly("readers");
        assertThat(id.has("cognito:roles")).isFalse();
        assertThat(id.has("cognito:preferred_role")).isFalse();
    }
}

package dev.gatehouse.identity.group;

import static dev.gatehouse.identity.group.GroupClients.assertAwsError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.testing.RedisTestResource;
import dev.gatehouse.testing.SigV4Signing;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;

/**
 * CreateGroup, GetGroup, ListGroups, UpdateGroup and DeleteGroup with the AWS SDK v2 client, signed
 * for {@code cognito-idp} and authorized by {@code cognito-idp:<Operation>} policies; every refusal
 * is AWS's error shape and leaves the pool's groups as they were.
 */
@QuarkusTest
@TestProfile(GroupsProfile.class)
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class GroupOperationsWithAwsSdkTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/Curators";

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

    @Test
    void createGetUpdateAndDeleteAGroup() {
        Instant before = Instant.now().minusSeconds(1);
        GroupType created =
                groups.createGroup(
                                r ->
                                        r.userPoolId(pool.id())
                                                .groupName("curators")
                                                .description("Curate the catalog")
                                                .roleArn(ROLE)
                                                .precedence(3))
                        .group();
        assertThat(created.groupName()).isEqualTo("curators");
        assertThat(created.userPoolId()).isEqualTo(pool.id());
        assertThat(created.description()).isEqualTo("Curate the catalog");
        assertThat(created.roleArn()).isEqualTo(ROLE);
        assertThat(created.precedence()).isEqualTo(3);
        assertThat(created.creationDate()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(created.lastModifiedDate()).isEqualTo(created.creationDate());
        assertThat(groups.getGroup(r -> r.userPoolId(pool.id()).groupName("curators")).group())
                .isEqualTo(created);

        // Members left out keep their values; the given ones replace theirs.
        GroupType updated =
                groups.updateGroup(r -> r.userPoolId(pool.id()).groupName("curators").precedence(0))
                        .group();
        assertThat(updated.precedence()).isEqualTo(0);
        assertThat(updated.roleArn()).isEqualTo(ROLE);
        assertThat(updated.description()).isEqualTo("Curate the catalog");
        assertThat(updated.creationDate()).isEqualTo(created.creationDate());
        assertThat(groups.getGroup(r -> r.userPoolId(pool.id()).groupName("curators")).group())
                .isEqualTo(updated);

        // A group without the optional members has none of them.
        GroupType bare = groups.createGroup(r -> r.userPoolId(pool.id()).groupName("bare")).group();
        assertThat(bare.description()).isNull();
        assertThat(bare.roleArn()).isNull();
        assertThat(bare.precedence()).isNull();

        clients.deleter().deleteGroup(r -> r.userPoolId(pool.id()).groupName("curators"));
        assertAwsError(
                () -> groups.getGroup(r -> r.userPoolId(pool.id()).groupName("curators")),
                "ResourceNotFoundException",
                "Group not found.");
        assertAwsError(
                () ->
                        clients.deleter()
                                .deleteGroup(r -> r.userPoolId(pool.id()).groupName("curators")),
                "ResourceNotFoundException",
                "Group not found.");
        assertAwsError(
                () ->
                        groups.updateGroup(
                                r -> r.userPoolId(pool.id()).groupName("curators").precedence(1)),
                "ResourceNotFoundException",
                "Group not found.");
    }

    @Test
    void listGroupsPagesWithLimitAndNextToken() {
        for (int i = 0; i < 7; i++) {
            String name = "page-" + i;
            groups.createGroup(r -> r.userPoolId(pool.id()).groupName(name));
        }
        List<String> everyGroup = clients.allGroups(60).stream().map(GroupType::groupName).toList();
        assertThat(everyGroup).contains("page-0", "page-6", "Editors", "readers");
        assertThat(everyGroup).doesNotHaveDuplicates();
        for (int limit : List.of(1, 3, 4)) {
            assertThat(clients.allGroups(limit).stream().map(GroupType::groupName))
                    .containsExactlyElementsOf(everyGroup);
        }
        var firstPage = groups.listGroups(r -> r.userPoolId(pool.id()).limit(2));
        assertThat(firstPage.groups()).hasSize(2);
        assertThat(firstPage.nextToken()).isNotBlank();
        // The SDK's own paginator follows NextToken to the end.
        assertThat(
                        groups
                                .listGroupsPaginator(r -> r.userPoolId(pool.id()).limit(2))
                                .groups()
                                .stream()
                                .map(GroupType::groupName))
                .containsExactlyElementsOf(everyGroup);

        assertAwsError(
                () -> groups.listGroups(r -> r.userPoolId(pool.id()).limit(61)),
                "InvalidParameterException",
                "1 validation error detected: Value '61' at 'limit' failed to satisfy constraint:"
                        + " Member must have value less than or equal to 60");
        assertAwsError(
                () -> groups.listGroups(r -> r.userPoolId(pool.id()).nextToken("not-ours!")),
                "InvalidParameterException",
                "Invalid pagination token.");
    }

    @Test
    void refusesBadGroupsAndChangesNothing() {
        groups.createGroup(r -> r.userPoolId(pool.id()).groupName("Auditors").precedence(5));
        List<GroupType> before = clients.allGroups(60);

        assertAwsError(
                () -> groups.createGroup(r -> r.userPoolId(pool.id()).groupName("auditors")),
                "GroupExistsException",
                "A group with the name already exists.");
        assertAwsError(
                () -> groups.createGroup(r -> r.userPoolId(pool.id()).groupName("two words")),
                "InvalidParameterException",
                "1 validation error detected: Value 'two words' at 'groupName' failed to satisfy"
                        + " constraint: Member must satisfy regular expression pattern:"
                        + " [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
        assertAwsError(
                () -> groups.createGroup(r -> r.userPoolId(pool.id()).groupName("g".repeat(129))),
                "InvalidParameterException",
                "1 validation error detected: Value '"
                        + "g".repeat(129)
                        + "' at 'groupName' failed to satisfy constraint: Member must have length"
                        + " less than or equal to 128");
        assertAwsError(
                () -> groups.createGroup(r -> r.userPoolId(pool.id()).groupName("")),
                "InvalidParameterException",
                "1 validation error detected: Value '' at 'groupName'");
        assertAwsError(
                () ->
                        groups.createGroup(
                                r ->
                                        r.userPoolId(pool.id())
                                                .groupName("ranked")
                                                .precedence(-1)
                                                .roleArn("not-an-arn")
                                                .description("d".repeat(2049))),
                "InvalidParameterException",
                "4 validation errors detected: Value '");
        assertAwsError(
                () -> groups.createGroup(r -> r.userPoolId("us-east-1_Other0001").groupName("x")),
                "ResourceNotFoundException",
                "User pool us-east-1_Other0001 does not exist.");
        assertAwsError(
                () ->
                        groups.updateGroup(
                                r ->
                                        r.userPoolId(pool.id())
                                                .groupName("Auditors")
                                                .roleArn("arn:aws:iam::role")),
                "InvalidParameterException",
                "2 validation errors detected: Value 'arn:aws:iam::role' at 'roleArn'");
        assertAwsError(
                () -> groups.getGroup(r -> r.userPoolId(pool.id()).groupName("nobody")),
                "ResourceNotFoundException",
                "Group not found.");

        assertThat(clients.allGroups(60)).isEqualTo(before);
    }

    @Test
    void refusesUnsignedAndUnauthorizedCallersAndChangesNothing() {
        List<GroupType> before = clients.allGroups(60);
        CognitoIdentityProviderClient unsigned =
                CognitoIdentityProviderClient.builder()
                        .endpointOverride(URI.create(url.toString()))
                        .region(Region.US_EAST_1)
                        .credentialsProvider(AnonymousCredentialsProvider.create())
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
        assertAwsError(
                () -> unsigned.createGroup(r -> r.userPoolId(pool.id()).groupName("intruders")),
                "MissingAuthenticationTokenException",
                "Missing Authentication Token");
        assertAwsError(
                () ->
                        clients.reader()
                                .createGroup(r -> r.userPoolId(pool.id()).groupName("intruders")),
                "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/reader is not authorized to perform:"
                        + " cognito-idp:CreateGroup");
        // An explicit Deny wins over the Allow of cognito-idp:*.
        assertAwsError(
                () -> groups.deleteGroup(r -> r.userPoolId(pool.id()).groupName("Editors")),
                "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/groups is not authorized to perform:"
                        + " cognito-idp:DeleteGroup");
        assertAwsError(
                () -> clients.deleter().listGroups(r -> r.userPoolId(pool.id())),
                "AccessDeniedException",
                "User: arn:aws:iam::123456789012:user/deleter is not authorized to perform:"
                        + " cognito-idp:ListGroups");
        assertThat(clients.allGroups(60)).isEqualTo(before);
    }

    private Response call(String operation, String body) {
        return given().filter(
                        SigV4Signing.as(GroupsProfile.ACCESS_KEY, GroupsProfile.SECRET)
                                .forService("cognito-idp"))
                .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                .contentType("application/x-amz-json-1.1")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/");
    }

    private static JsonNode json(Response response) throws IOException {
        return GroupClients.JSON.readTree(response.asByteArray());
    }

    @Test
    void onTheWireDatesAreEpochSecondsAndErrorsCarryTheirTypeTwice() throws IOException {
        String pool = "{\"UserPoolId\":\"" + this.pool.id() + "\",";
        Response created = call("CreateGroup", pool + "\"GroupName\":\"wire\"}");
        created.then().statusCode(200).contentType("application/x-amz-json-1.1");
        JsonNode group = json(created).get("Group");
        assertThat(group.get("GroupName").asText()).isEqualTo("wire");
        assertThat(group.get("CreationDate").isIntegralNumber()).isTrue();
        assertThat(group.get("LastModifiedDate").isIntegralNumber()).isTrue();
        assertThat(group.has("Precedence")).isFalse();

        Response taken = call("CreateGroup", pool + "\"GroupName\":\"WIRE\"}");
        taken.then()
                .statusCode(400)
                .header("x-amzn-ErrorType", "GroupExistsException:")
                .header("x-amzn-ErrorMessage", "A group with the name already exists.");
        assertThat(json(taken).get("__type").asText()).isEqualTo("GroupExistsException");
        assertThat(json(taken).get("message").asText())
                .isEqualTo("A group with the name already exists.");

        // A fractional, textual or too large Precedence is no integer: the body cannot be read.
        for (String precedence : List.of("1.5", "\"1\"", "4294967296")) {
            Response odd =
                    call(
                            "CreateGroup",
                            pool + "\"GroupName\":\"odd\",\"Precedence\":" + precedence + "}");
            odd.then().statusCode(400);
            assertThat(json(odd).get("__type").asText()).isEqualTo("SerializationException");
        }
        Response missing = call("GetGroup", pool + "\"GroupName\":\"odd\"}");
        missing.then().statusCode(400);
        assertThat(json(missing).get("__type").asText()).isEqualTo("ResourceNotFoundException");
        assertThat(json(missing).get("message").asText()).isEqualTo("Group not found.");
    }
}

package dev.gatehouse.identity.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.identity.CognitoClients;
import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.identity.TestUsers;
import dev.gatehouse.identity.pool.UserPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListGroupsResponse;

/** The AWS SDK clients of the group tests, and what they assert over and over. */
record GroupClients(URL url, UserPool pool, TestUsers users) {

    static final ObjectMapper JSON = new ObjectMapper();

    static GroupClients of(URL url, UserPool pool) {
        return new GroupClients(url, pool, new TestUsers(url, pool));
    }

    /** Allowed every operation but DeleteGroup. */
    CognitoIdentityProviderClient groups() {
        return CognitoClients.signedAs(url, GroupsProfile.ACCESS_KEY, GroupsProfile.SECRET);
    }

    /** Allowed DeleteGroup and AdminDeleteUser only. */
    CognitoIdentityProviderClient deleter() {
        return CognitoClients.signedAs(
                url, GroupsProfile.DELETER_KEY, GroupsProfile.DELETER_SECRET);
    }

    /** Allowed AdminGetUser only. */
    CognitoIdentityProviderClient reader() {
        return CognitoClients.signedAs(
                url, "AKIAIDENTITYTESTREAD", "IdentityServiceTestReaderSecret000000000");
    }

    /**
     * A user confirmed with the code mailed to {@code <username>@example.com} (a verified email
     * alias), who can sign in with {@link TestUsers#PASSWORD}.
     */
    void user(String username) {
        String email = username + "@example.com";
        int seen = SmtpTestResource.messagesTo(email).length;
        users.register(username, email, false);
        String code = SmtpTestResource.lastCodeFor(email, seen);
        users.cognito()
                .confirmSignUp(
                        r ->
                                r.clientId(users.client("web"))
                                        .username(username)
                                        .confirmationCode(code));
    }

    /** Every group of the pool, read page by page. */
    List<GroupType> allGroups(int limit) {
        List<GroupType> groups = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListGroupsResponse page =
                    groups().listGroups(r -> r.userPoolId(pool.id()).limit(limit).nextToken(next));
            assertThat(page.groups().size()).isLessThanOrEqualTo(limit);
            groups.addAll(page.groups());
            token = page.nextToken();
        } while (token != null);
        return groups;
    }

    static void assertAwsError(ThrowingCallable call, String type, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(CognitoIdentityProviderException.class)
                .satisfies(
                        e -> {
                            CognitoIdentityProviderException aws =
                                    (CognitoIdentityProviderException) e;
                            assertThat(aws.awsErrorDetails().errorCode()).isEqualTo(type);
                            assertThat(aws.statusCode()).isEqualTo(400);
                            assertThat(aws.awsErrorDetails().errorMessage()).startsWith(message);
                        });
    }

    /** The claims of a JWT, decoded without the project's code. */
    static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

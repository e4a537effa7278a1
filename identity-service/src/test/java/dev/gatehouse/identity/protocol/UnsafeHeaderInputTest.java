package dev.gatehouse.identity.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.identity.SmtpTestResource;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Client input echoed in {@code x-amzn-ErrorMessage} may hold characters no header can carry (NUL,
 * VT, FF, DEL, line breaks, non-ASCII): every such request still gets its whole AWS-shaped answer,
 * promptly, over a real HTTP connection.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@WithTestResource(value = SmtpTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class UnsafeHeaderInputTest {

    private static final Duration BOUND = Duration.ofSeconds(5);

    @TestHTTPResource("/")
    URI root;

    private final HttpClient client =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(BOUND)
                    .build();

    private HttpResponse<String> call(String operation, String body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(root)
                        .timeout(BOUND)
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void clientIdWithControlCharactersGetsAResourceNotFoundAnswer() throws Exception {
        for (String bad :
                new String[] {
                    "\\u0000", "\\u000b", "\\u000c", "\\u007f", "\\r\\n", "\\u00e9\\u4e2d"
                }) {
            HttpResponse<String> response =
                    call(
                            "InitiateAuth",
                            "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"a"
                                    + bad
                                    + "b\",\"AuthParameters\":{}}");
            assertEquals(400, response.statusCode(), bad);
            assertEquals(
                    "ResourceNotFoundException:",
                    response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
            String header = response.headers().firstValue("x-amzn-ErrorMessage").orElseThrow();
            assertTrue(header.chars().allMatch(c -> c >= 0x20 && c < 0x7f), header);
            assertTrue(response.body().startsWith("{\"__type\":\"ResourceNotFoundException\""));
        }
    }

    @Test
    void revokeTokenAndChallengeNamesWithControlCharactersAreAnswered() throws Exception {
        HttpResponse<String> revoke =
                call("RevokeToken", "{\"ClientId\":\"x\\u0000y\",\"Token\":\"t\"}");
        assertTrue(revoke.statusCode() / 100 == 4, revoke.body());
        HttpResponse<String> flow =
                call("InitiateAuth", "{\"AuthFlow\":\"A\\u000cB\",\"ClientId\":\"c\"}");
        assertTrue(flow.statusCode() / 100 == 4, flow.body());
        HttpResponse<String> challenge =
                call(
                        "RespondToAuthChallenge",
                        "{\"ChallengeName\":\"N\\u007fO\",\"ClientId\":\"c\",\"Session\":\"s\"}");
        assertTrue(challenge.statusCode() / 100 == 4, challenge.body());
    }

    @Test
    void anOverlongEchoIsCutToAHeaderEveryClientReads() throws Exception {
        HttpResponse<String> response =
                call(
                        "InitiateAuth",
                        "{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\""
                                + "c".repeat(30_000)
                                + "\"}");
        assertEquals(400, response.statusCode());
        assertTrue(
                response.headers().firstValue("x-amzn-ErrorMessage").orElseThrow().length()
                        <= 1024);
        // The member is past its model bound (128), so the message names the bound, never echoing
        // the 30,000 characters; the body is the complete AWS JSON error.
        assertTrue(response.body().contains("\"__type\""), response.body());
        assertTrue(response.body().length() < 2_048, "no echo of the oversized value");
    }
}

package dev.gatehouse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.redis.local.FreePort;
import dev.gatehouse.testing.NodePackages;
import dev.gatehouse.testing.TestUserPool;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code amazon-cognito-identity-js} (npm) against the suite the launcher starts: it signs
 * up, the code arrives in the local mailbox, it confirms and signs in with SRP, and its ID token
 * opens the Cognito-protected routes of stores-service, until it is tampered with, comes from
 * another pool or expires. ID tokens live {@link #ID_TOKEN_SECONDS} s here, so that expiry can be
 * watched.
 */
class CognitoJsClientIT {

    static final long ID_TOKEN_SECONDS = 10;
    static final ObjectMapper JSON = new ObjectMapper();

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir Path runDir;

    @AfterEach
    void stopEverything() throws Exception {
        LauncherScripts.run(Map.of(), "down.sh", "--run-dir", runDir.toString(), "--quiet");
    }

    @Test
    void signsUpConfirmsAndSignsInWithSrpAndItsIdTokenOpensSearchOrdersAndItsOwnProfile()
            throws Exception {
        NodePackages.require();
        int[] ports = FreePort.pick(11);
        int identity = ports[0];
        int stores = ports[1];
        int pop3 = ports[2];
        int next = 3;
        List<String> args = new ArrayList<>(List.of("--detach", "--run-dir", runDir.toString()));
        for (String option :
                List.of(
                        "--redis-port",
                        "--index-port",
                        "--stores-admin-port",
                        "--smtp-port",
                        "--fanout-port",
                        "--index-admin-port",
                        "--fanout-admin-port",
                        "--identity-admin-port")) {
            args.add(option);
            args.add("" + ports[next++]);
        }
        args.addAll(
                List.of(
                        "--identity-port",
                        "" + identity,
                        "--stores-port",
                        "" + stores,
                        "--pop3-port",
                        "" + pop3));
        LauncherScripts.Result up =
                LauncherScripts.run(
                        Map.of(
                                "GATEHOUSE_IDENTITY_TOKENS_ID_TOKEN_VALIDITY",
                                ID_TOKEN_SECONDS + "s",
                                "GATEHOUSE_COGNITO_CLOCK_SKEW",
                                "0s"),
                        "up.sh",
                        args.toArray(String[]::new));
        assertEquals(0, up.exit(), up.output());
        JsonNode pool = JSON.readTree(runDir.resolve("credentials.json").toFile()).at("/userPool");
        Map<String, String> client =
                Map.of(
                        "IDENTITY_ENDPOINT", "http://127.0.0.1:" + identity + "/",
                        "USER_POOL_ID", pool.path("id").asText(),
                        "CLIENT_ID", pool.at("/clients/web").asText());

        JsonNode signedUp =
                node(client, "sign-up", "grace", "grace@example.com", "Correct-Horse-1");
        assertFalse(signedUp.path("userConfirmed").asBoolean(), signedUp.toString());
        assertEquals("EMAIL", signedUp.at("/delivery/DeliveryMedium").asText());
        Matcher code =
                Pattern.compile("Your verification code is (\\d{6})\\.")
                        .matcher(Pop3Mailbox.firstMessage(pop3, "grace@example.com"));
        assertTrue(code.find(), "the code reached the mailbox");
        assertEquals(
                "SUCCESS", node(client, "confirm", "grace", code.group(1)).path("result").asText());

        JsonNode session = node(client, "sign-in", "grace", "Correct-Horse-1");
        String idToken = session.path("idToken").asText();
        assertEquals(signedUp.path("userSub").asText(), session.path("sub").asText());
        long expiresAt = claims(idToken).path("exp").asLong();

        String search = "http://127.0.0.1:" + stores + "/stores/search";
        String body = "{\"query\":\"cafe\",\"limit\":3}";
        HttpResponse<String> found = post(search, idToken, body);
        assertEquals(200, found.statusCode(), found.body());
        assertEquals(3, JSON.readTree(found.body()).size());
        assertEquals(200, post(search, "Bearer " + idToken, body).statusCode());

        String orders = "http://127.0.0.1:" + stores + "/orders";
        HttpResponse<String> placed =
                post(
                        orders,
                        idToken,
                        "{\"storeId\":\"lis-001\",\"items\":[{\"name\":\"Pastel de nata\","
                                + "\"quantity\":6}]}");
        assertEquals(201, placed.statusCode(), placed.body());
        assertEquals(
                "grace@example.com", JSON.readTree(placed.body()).at("/customer/email").asText());
        HttpResponse<String> mine = get(orders, idToken);
        assertEquals(200, mine.statusCode(), mine.body());
        assertEquals(
                JSON.readTree(placed.body()).path("orderId"),
                JSON.readTree(mine.body()).path(0).path("orderId"));

        assertUnauthorized(post(search, null, body), "no token");
        assertUnauthorized(post(search, tampered(idToken), body), "claims changed");
        assertUnauthorized(
                post(search, session.path("accessToken").asText(), body),
                "an access token where an ID token is required");
        try (TestUserPool otherPool = TestUserPool.start()) {
            assertUnauthorized(post(search, otherPool.idToken(), body), "another pool's token");
        }

        long wait = expiresAt * 1000 + 1000 - System.currentTimeMillis();
        assertTrue(wait < ID_TOKEN_SECONDS * 1000 + 1000, "exp is the configured lifetime");
        if (wait > 0) {
            Thread.sleep(wait);
        }
        assertUnauthorized(post(search, idToken, body), "expired (a cached result ends at exp)");
        assertTrue(Instant.now().getEpochSecond() > expiresAt);

        // A fresh sign-in: its ID token lives ID_TOKEN_SECONDS, enough for GetId and
        // GetCredentialsForIdentity; the profile calls then need only the credentials.
        String fresh = node(client, "sign-in", "grace", "Correct-Horse-1").path("idToken").asText();
        federatedIdentityOpensItsOwnProfileOnly(runDir, identity, stores, fresh);
    }

    /**
     * The same ID token through the JS SDK v3's {@code fromCognitoIdentityPool} becomes temporary
     * credentials; aws4 signs the profile calls with them: its own profile opens, another's is
     * AWS's 403.
     */
    private void federatedIdentityOpensItsOwnProfileOnly(
            Path runDir, int identity, int stores, String idToken) throws Exception {
        JsonNode credentials = JSON.readTree(runDir.resolve("credentials.json").toFile());
        String other = "us-east-1:00000000-0000-4000-8000-000000000000";
        JsonNode chain =
                JSON.readTree(
                        NodePackages.node(
                                "identity-pool.js",
                                null,
                                Map.of(
                                        "IDENTITY_ENDPOINT", "http://127.0.0.1:" + identity + "/",
                                        "IDENTITY_POOL_ID",
                                                credentials.at("/identityPool/id").asText(),
                                        "LOGIN_PROVIDER",
                                                "cognito-idp.us-east-1.amazonaws.com/"
                                                        + credentials.at("/userPool/id").asText(),
                                        "ID_TOKEN", idToken,
                                        "STORES_ENDPOINT", "http://127.0.0.1:" + stores),
                                "Grace",
                                other));
        assertTrue(chain.path("accessKeyId").asText().startsWith("ASIA"), chain.toString());
        JsonNode calls = chain.path("calls");
        assertEquals(200, calls.path(0).path("status").asInt(), calls.toString());
        assertEquals(200, calls.path(1).path("status").asInt(), calls.toString());
        assertEquals(
                "Grace",
                JSON.readTree(calls.path(1).path("body").asText()).path("displayName").asText());
        assertEquals(403, calls.path(2).path("status").asInt(), calls.toString());
        assertTrue(
                calls.path(2)
                        .path("body")
                        .asText()
                        .contains(
                                "assumed-role/app-authenticated/CognitoIdentityCredentials is not"
                                        + " authorized to perform: execute-api:Invoke"),
                calls.toString());
    }

    private static void assertUnauthorized(HttpResponse<String> response, String what) {
        assertEquals(401, response.statusCode(), what + ": " + response.body());
        assertEquals("{\"message\":\"Unauthorized\"}", response.body(), what);
    }

    /** The token with its payload's {@code sub} changed and the original signature kept. */
    private static String tampered(String token) throws Exception {
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) claims(token);
        payload.put("sub", "00000000-0000-0000-0000-000000000000");
        return parts[0] + "." + TestUserPool.segment(payload) + "." + parts[2];
    }

    private static JsonNode claims(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private JsonNode node(Map<String, String> env, String... args) throws Exception {
        return JSON.readTree(NodePackages.node("cognito-user.js", null, env, args));
    }

    private HttpResponse<String> post(String url, String authorization, String body)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", authorization)
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

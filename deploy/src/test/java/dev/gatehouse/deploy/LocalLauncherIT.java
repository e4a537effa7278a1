package dev.gatehouse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.redis.local.FreePort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Runs deploy/local/up.sh and down.sh as a user would, against the packaged services. */
class LocalLauncherIT {

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir Path runDir;

    /** Whatever an assertion interrupted, nothing the launcher started outlives the test. */
    @org.junit.jupiter.api.AfterEach
    void stopEverything() throws Exception {
        launcher("down.sh", "--run-dir", runDir.toString(), "--quiet");
    }

    @Test
    void startsDetachedServesTheSuiteAndStopsCleanly() throws Exception {
        int[] ports = FreePort.pick(8);
        int redis = ports[0];
        int index = ports[1];
        int stores = ports[2];
        int admin = ports[3];
        int identity = ports[4];
        int smtp = ports[5];
        int pop3 = ports[6];
        int fanout = ports[7];

        LauncherScripts.Result up =
                upDetached(redis, index, stores, admin, identity, smtp, pop3, fanout);
        assertEquals(0, up.exit(), up.output());
        assertTrue(up.output().contains("http://127.0.0.1:" + index + "/"), up.output());
        List<Long> pids = pids();
        assertEquals(6, pids.size(), "redis, the mail server and four services");

        HttpResponse<String> page = get("http://127.0.0.1:" + index + "/");
        assertEquals(200, page.statusCode(), () -> page.body() + serviceLogs());
        assertTrue(page.body().contains("data-store-id=\"lis-001\""), page.body());

        JsonNode credentials =
                new ObjectMapper().readTree(runDir.resolve("credentials.json").toFile());
        assertEquals("http://127.0.0.1:" + index, credentials.at("/endpoints/index").asText());
        assertEquals("http://127.0.0.1:" + stores, credentials.at("/endpoints/stores").asText());
        for (String key : List.of("freeKey", "paidKey", "indexKey")) {
            String value = credentials.at("/apiKeys/" + key).asText();
            assertTrue(value.matches("[A-Za-z0-9]{40}"), key + " in " + credentials);
            assertTrue(up.output().contains("  " + key + ": " + value), "printed like sls deploy");
        }

        assertEquals("123456789012", credentials.at("/accountId").asText());
        for (String principal :
                List.of("index-service", "stores-service", "fanout-service", "admin", "nobody")) {
            JsonNode iam = credentials.at("/iam/" + principal);
            assertTrue(iam.path("accessKeyId").asText().matches("AKIA[A-Z2-7]{16}"), principal);
            assertEquals(40, iam.path("secretAccessKey").asText().length(), principal);
            assertTrue(iam.path("arn").asText().endsWith("/" + principal), principal);
        }

        assertEquals(
                403,
                get("http://127.0.0.1:" + stores + "/stores").statusCode(),
                "GET /stores is private");
        HttpResponse<String> list =
                signedGet(
                        "http://127.0.0.1:" + stores + "/stores",
                        credentials.at("/apiKeys/freeKey").asText(),
                        credentials.at("/iam/admin"));
        assertEquals(200, list.statusCode(), list.body());
        assertEquals(8, new ObjectMapper().readTree(list.body()).size());
        assertTrue(
                list.headers()
                        .firstValue("RateLimit-Policy")
                        .orElse("")
                        .contains("\"quota\";q=4998;w="),
                "free plan: 5000 - offset 2");

        userPoolSendsItsCodesToTheLocalMailbox(credentials, identity, pop3);
        anOrderEventIsDeliveredToEverySubscriber(credentials, fanout, index, pop3);
        aPlacedOrderMailsItsReceipt(credentials, identity, stores, index, pop3);

        LauncherScripts.Result again =
                upDetached(redis, index, stores, admin, identity, smtp, pop3, fanout);
        assertNotEquals(0, again.exit());
        assertTrue(again.output().contains("already running"), again.output());

        LauncherScripts.Result down = launcher("down.sh", "--run-dir", runDir.toString());
        assertEquals(0, down.exit(), down.output());
        for (long pid : pids) {
            assertFalse(
                    ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "pid " + pid + " still alive");
        }
        for (int port : new int[] {redis, index, stores, admin, identity, smtp, pop3, fanout}) {
            assertFalse(listening(port), "port " + port + " still open");
        }
        assertTrue(Files.isRegularFile(runDir.resolve("logs").resolve("stores-service.log")));
    }

    @Test
    void refusesAPortInUseWithAClearMessage() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = busy.getLocalPort();
            int[] free = FreePort.pick(7);
            LauncherScripts.Result up =
                    upDetached(free[0], free[1], port, free[2], free[3], free[4], free[5], free[6]);
            assertEquals(1, up.exit(), up.output());
            assertTrue(
                    up.output().contains("port " + port + " (stores-service) is already in use"),
                    up.output());
            assertTrue(pids().isEmpty(), "nothing was started");
        }
    }

    @Test
    void refusesOnePortForTwoServersWithAClearMessage() throws Exception {
        int[] free = FreePort.pick(7);
        // --identity-port the same as --stores-port: each would seem to start, the second's
        // health check answered by the first.
        LauncherScripts.Result up =
                upDetached(free[0], free[1], free[2], free[3], free[2], free[4], free[5], free[6]);
        assertEquals(1, up.exit(), up.output());
        assertTrue(
                up.output()
                        .contains(
                                "--stores-port and --identity-port are both "
                                        + free[2]
                                        + ": every server needs its own port"),
                up.output());
        assertTrue(pids().isEmpty(), "nothing was started");
    }

    /**
     * credentials.json names the pool and its clients; a SignUp through identity-service mails a
     * code that the launcher's mail server holds for POP3.
     */
    private void userPoolSendsItsCodesToTheLocalMailbox(
            JsonNode credentials, int identity, int pop3) throws Exception {
        JsonNode pool = credentials.at("/userPool");
        String poolId = pool.path("id").asText();
        assertTrue(poolId.matches("us-east-1_[0-9A-Za-z]{9}"), credentials.toString());
        assertEquals("http://127.0.0.1:" + identity + "/" + poolId, pool.path("issuer").asText());
        String web = pool.at("/clients/web").asText();
        assertTrue(web.matches("[a-z0-9]{26}"), pool.toString());
        assertTrue(pool.at("/clients/server").asText().matches("[a-z0-9]{26}"), pool.toString());
        assertEquals(
                200,
                get("http://127.0.0.1:" + identity + "/" + poolId + "/.well-known/jwks.json")
                        .statusCode());

        String signUp =
                "{\"ClientId\":\""
                        + web
                        + "\",\"Username\":\"ada\",\"Password\":\"Correct-Horse-1\","
                        + "\"UserAttributes\":[{\"Name\":\"email\",\"Value\":\"ada@example.com\"},"
                        + "{\"Name\":\"given_name\",\"Value\":\"Ada\"},"
                        + "{\"Name\":\"family_name\",\"Value\":\"Lovelace\"}]}";
        HttpResponse<String> signedUp =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + identity + "/"))
                                .header("Content-Type", "application/x-amz-json-1.1")
                                .header("X-Amz-Target", "AWSCognitoIdentityProviderService.SignUp")
                                .POST(HttpRequest.BodyPublishers.ofString(signUp))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, signedUp.statusCode(), signedUp.body());
        assertTrue(
                Pop3Mailbox.firstMessage(pop3, "ada@example.com")
                        .matches("(?s).*Your verification code is \\d{6}\\..*"),
                "the code reached the mailbox");
    }

    /**
     * A signed publish as admin reaches every default subscriber: the receipt in the local mailbox
     * and the push and SMS webhooks on index-service's page.
     */
    private void anOrderEventIsDeliveredToEverySubscriber(
            JsonNode credentials, int fanout, int index, int pop3) throws Exception {
        assertEquals("http://127.0.0.1:" + fanout, credentials.at("/endpoints/fanout").asText());
        String event =
                "{\"type\":\"order.placed\",\"detail\":{\"orderId\":\"o-launcher\","
                        + "\"customer\":{\"email\":\"grace@example.com\"},\"total\":\"9.50\"}}";
        HttpResponse<String> published =
                signed(
                        "POST",
                        "http://127.0.0.1:" + fanout + "/events",
                        event,
                        null,
                        credentials.at("/iam/admin"));
        assertEquals(202, published.statusCode(), published.body());
        String id = new ObjectMapper().readTree(published.body()).path("eventId").asText();
        // Only stores-service and admin publish: fanout-service's own key may not (no loops).
        assertEquals(
                403,
                signed(
                                "POST",
                                "http://127.0.0.1:" + fanout + "/events",
                                event,
                                null,
                                credentials.at("/iam/fanout-service"))
                        .statusCode());

        JsonNode state = null;
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> read =
                    signed(
                            "GET",
                            "http://127.0.0.1:" + fanout + "/events/" + id,
                            "",
                            null,
                            credentials.at("/iam/admin"));
            assertEquals(200, read.statusCode(), read.body());
            state = new ObjectMapper().readTree(read.body()).path("deliveries");
            if (state.size() == 3
                    && state.findValuesAsText("state").stream().allMatch("delivered"::equals)) {
                break;
            }
            Thread.sleep(200);
        }
        for (String subscriber : List.of("receipt", "push", "sms")) {
            assertEquals(
                    "delivered", state.at("/" + subscriber + "/state").asText(), state.toString());
        }
        assertTrue(
                Pop3Mailbox.firstMessage(pop3, "grace@example.com").contains("o-launcher"),
                "the receipt reached the mailbox");
        assertTrue(
                get("http://127.0.0.1:" + index + "/").body().contains("data-event-id=\"" + id),
                "index-service received the notifications");
    }

    /**
     * The user signed up above confirms, signs in (AdminInitiateAuth, signed by admin) and places
     * an order: stores-service publishes order.placed through its outbox, signed as stores-service,
     * and fanout-service mails the receipt and notifies index-service.
     */
    private void aPlacedOrderMailsItsReceipt(
            JsonNode credentials, int identity, int stores, int index, int pop3) throws Exception {
        JsonNode pool = credentials.at("/userPool");
        java.util.regex.Matcher code =
                java.util.regex.Pattern.compile("Your verification code is (\\d{6})")
                        .matcher(Pop3Mailbox.firstMessage(pop3, "ada@example.com"));
        assertTrue(code.find());
        String identityUrl = "http://127.0.0.1:" + identity + "/";
        HttpResponse<String> confirmed =
                cognito(
                        identityUrl,
                        "ConfirmSignUp",
                        "{\"ClientId\":\""
                                + pool.at("/clients/web").asText()
                                + "\",\"Username\":\"ada\",\"ConfirmationCode\":\""
                                + code.group(1)
                                + "\"}",
                        null);
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        HttpResponse<String> signedIn =
                cognito(
                        identityUrl,
                        "AdminInitiateAuth",
                        "{\"UserPoolId\":\""
                                + pool.path("id").asText()
                                + "\",\"ClientId\":\""
                                + pool.at("/clients/server").asText()
                                + "\",\"AuthFlow\":\"ADMIN_USER_PASSWORD_AUTH\","
                                + "\"AuthParameters\":{\"USERNAME\":\"ada\","
                                + "\"PASSWORD\":\"Correct-Horse-1\"}}",
                        credentials.at("/iam/admin"));
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        String idToken =
                new ObjectMapper()
                        .readTree(signedIn.body())
                        .at("/AuthenticationResult/IdToken")
                        .asText();

        HttpResponse<String> placed =
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stores + "/orders"))
                                .header("Authorization", idToken)
                                .header("Content-Type", "application/json")
                                .POST(
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"storeId\":\"lis-001\",\"items\":"
                                                        + "[{\"name\":\"Pastel de nata\","
                                                        + "\"quantity\":6}]}"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(201, placed.statusCode(), placed.body());
        String orderId = new ObjectMapper().readTree(placed.body()).path("orderId").asText();

        String receipt = Pop3Mailbox.messageContaining(pop3, "ada@example.com", orderId);
        assertTrue(receipt.contains("6 x Pastel de nata"), "the receipt reached the customer");
        long deadline = System.currentTimeMillis() + 10_000;
        while (!get("http://127.0.0.1:" + index + "/").body().contains("order.placed " + orderId)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(
                get("http://127.0.0.1:" + index + "/").body().contains("order.placed " + orderId),
                "the push and SMS notifications reached index-service");
    }

    /** A Cognito user pool API call (AWS JSON 1.1), SigV4-signed for cognito-idp when asked. */
    private HttpResponse<String> cognito(
            String url, String operation, String body, JsonNode principal) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-amz-json-1.1")
                        .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofSeconds(10));
        if (principal != null) {
            SdkHttpRequest unsigned =
                    SdkHttpRequest.builder()
                            .method(SdkHttpMethod.POST)
                            .uri(URI.create(url))
                            .putHeader(
                                    "X-Amz-Target",
                                    "AWSCognitoIdentityProviderService." + operation)
                            .build();
            AwsV4HttpSigner.create()
                    .sign(
                            r ->
                                    r.identity(
                                                    AwsCredentialsIdentity.create(
                                                            principal.path("accessKeyId").asText(),
                                                            principal
                                                                    .path("secretAccessKey")
                                                                    .asText()))
                                            .request(unsigned)
                                            .payload(ContentStreamProvider.fromUtf8String(body))
                                            .putProperty(
                                                    AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                                    "cognito-idp")
                                            .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
                    .request()
                    .headers()
                    .forEach(
                            (name, values) -> {
                                if (!name.equalsIgnoreCase("host")
                                        && !name.equalsIgnoreCase("x-amz-target")) {
                                    values.forEach(value -> request.header(name, value));
                                }
                            });
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** deploy/local/up.sh --detach in this test's run directory, on the given ports. */
    private LauncherScripts.Result upDetached(
            int redis,
            int index,
            int stores,
            int admin,
            int identity,
            int smtp,
            int pop3,
            int fanout)
            throws Exception {
        return launcher(
                "up.sh",
                "--detach",
                "--run-dir",
                runDir.toString(),
                "--redis-port",
                "" + redis,
                "--index-port",
                "" + index,
                "--stores-port",
                "" + stores,
                "--stores-admin-port",
                "" + admin,
                "--identity-port",
                "" + identity,
                "--smtp-port",
                "" + smtp,
                "--pop3-port",
                "" + pop3,
                "--fanout-port",
                "" + fanout);
    }

    private List<Long> pids() throws IOException {
        Path dir = runDir.resolve("pids");
        List<Long> pids = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    pids.add(Long.parseLong(Files.readString(file).trim()));
                }
            }
        }
        return pids;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET signed by the AWS SDK v2 signer with a principal's credentials from the launcher. */
    private HttpResponse<String> signedGet(String url, String apiKey, JsonNode principal)
            throws Exception {
        return signed("GET", url, "", apiKey, principal);
    }

    /** A request signed by the AWS SDK v2 signer; {@code apiKey} may be null. */
    private HttpResponse<String> signed(
            String method, String url, String body, String apiKey, JsonNode principal)
            throws Exception {
        SdkHttpRequest unsigned =
                SdkHttpRequest.builder()
                        .method(SdkHttpMethod.fromValue(method))
                        .uri(URI.create(url))
                        .build();
        var signed =
                AwsV4HttpSigner.create()
                        .sign(
                                r ->
                                        r.identity(
                                                        AwsCredentialsIdentity.create(
                                                                principal
                                                                        .path("accessKeyId")
                                                                        .asText(),
                                                                principal
                                                                        .path("secretAccessKey")
                                                                        .asText()))
                                                .request(unsigned)
                                                .payload(ContentStreamProvider.fromUtf8String(body))
                                                .putProperty(
                                                        AwsV4HttpSigner.SERVICE_SIGNING_NAME,
                                                        "execute-api")
                                                .putProperty(
                                                        AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url))
                        .method(
                                method,
                                body.isEmpty()
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(10));
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        signed.request()
                .headers()
                .forEach(
                        (name, values) -> {
                            if (!name.equalsIgnoreCase("host")) {
                                values.forEach(value -> request.header(name, value));
                            }
                        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static LauncherScripts.Result launcher(String script, String... args) throws Exception {
        return LauncherScripts.run(java.util.Map.of(), script, args);
    }

    /** The end of the services' logs, for a failure message: the run dir goes with the test. */
    private String serviceLogs() {
        StringBuilder out = new StringBuilder();
        for (String service : List.of("stores-service", "index-service")) {
            Path log = runDir.resolve("logs").resolve(service + ".log");
            try {
                List<String> lines = Files.readAllLines(log);
                out.append("\n--- ").append(service).append(".log (end) ---\n");
                lines.subList(Math.max(0, lines.size() - 40), lines.size())
                        .forEach(line -> out.append(line).append('\n'));
            } catch (IOException e) {
                out.append("\n(").append(log).append(": ").append(e).append(')');
            }
        }
        return out.toString();
    }
}

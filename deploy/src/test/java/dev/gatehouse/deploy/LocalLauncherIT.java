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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    /** The launcher's port options, in the order {@link #upDetached} takes the ports. */
    static final List<String> PORT_OPTIONS =
            List.of(
                    "--redis-port",
                    "--index-port",
                    "--stores-port",
                    "--stores-admin-port",
                    "--identity-port",
                    "--smtp-port",
                    "--pop3-port",
                    "--fanout-port",
                    "--index-admin-port",
                    "--fanout-admin-port",
                    "--identity-admin-port");

    static final int PORTS = PORT_OPTIONS.size();

    static final List<String> SERVICE_NAMES =
            List.of("identity-service", "stores-service", "index-service", "fanout-service");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir Path runDir;

    /** Whatever an assertion interrupted, nothing the launcher started outlives the test. */
    @org.junit.jupiter.api.AfterEach
    void stopEverything() throws Exception {
        launcher("down.sh", "--run-dir", runDir.toString(), "--quiet");
    }

    @Test
    void startsDetachedServesTheSuiteAndStopsCleanly() throws Exception {
        int[] ports = FreePort.pick(PORTS);
        int redis = ports[0];
        int index = ports[1];
        int stores = ports[2];
        int admin = ports[3];
        int identity = ports[4];
        int smtp = ports[5];
        int pop3 = ports[6];
        int fanout = ports[7];

        LauncherScripts.Result up = upDetached(runDir, ports);
        assertEquals(0, up.exit(), up.output());
        assertTrue(up.output().contains("http://127.0.0.1:" + index + "/"), up.output());
        List<Long> pids = pids();
        assertEquals(6, pids.size(), "redis, the mail server and four services");

        // The page answers 503 while stores-service's first calls (cold, on a busy machine) take
        // longer than index-service's 1 s budget: give it a few tries.
        HttpResponse<String> first = get("http://127.0.0.1:" + index + "/");
        for (int i = 0; i < 20 && first.statusCode() == 503; i++) {
            Thread.sleep(1_000);
            first = get("http://127.0.0.1:" + index + "/");
        }
        HttpResponse<String> page = first;
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

        everyServiceServesMetricsOnItsManagementPortOnly(ports);
        redisRefusesUnauthenticatedClientsAndKeepsItsFilesPrivate(redis);
        theUsageReportCommandsItPrintsWork(up.output(), credentials.at("/iam/admin"));
        userPoolSendsItsCodesToTheLocalMailbox(credentials, identity, pop3);
        anOrderEventIsDeliveredToEverySubscriber(credentials, fanout, index, pop3);
        aPlacedOrderMailsItsReceipt(credentials, identity, stores, pop3);

        LauncherScripts.Result again = upDetached(runDir, ports);
        assertNotEquals(0, again.exit());
        assertTrue(again.output().contains("already running"), again.output());
        assertTrue(
                again.output().contains("deploy/local/down.sh --run-dir " + runDir),
                "names the run directory to stop: " + again.output());
        assertTrue(again.output().contains("its own --run-dir"), again.output());
        for (String service : SERVICE_NAMES) {
            String log = Files.readString(runDir.resolve("logs").resolve(service + ".log"));
            assertFalse(
                    log.contains("has been already registered"),
                    service + " registers a meter twice:\n" + log);
        }

        LauncherScripts.Result down = launcher("down.sh", "--run-dir", runDir.toString());
        assertEquals(0, down.exit(), down.output());
        for (long pid : pids) {
            assertFalse(
                    ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "pid " + pid + " still alive");
        }
        for (int port : ports) {
            assertFalse(listening(port), "port " + port + " still open");
        }
        assertTrue(Files.isRegularFile(runDir.resolve("logs").resolve("stores-service.log")));
    }

    @Test
    void refusesAPortInUseWithAClearMessageAndLeavesNoRunDirectory() throws Exception {
        Path fresh = runDir.resolve("not-yet");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int[] ports = FreePort.pick(PORTS);
            ports[2] = busy.getLocalPort();
            LauncherScripts.Result up = upDetached(fresh, ports);
            assertEquals(1, up.exit(), up.output());
            assertTrue(
                    up.output()
                            .contains("port " + ports[2] + " (stores-service) is already in use"),
                    up.output());
            assertFalse(Files.exists(fresh), "a refused start leaves no run directory behind");
        }
        int[] ports = FreePort.pick(PORTS);
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ports[9] = busy.getLocalPort();
            LauncherScripts.Result up = upDetached(fresh, ports);
            assertEquals(1, up.exit(), up.output());
            assertTrue(
                    up.output()
                            .contains(
                                    "port "
                                            + ports[9]
                                            + " (fanout-service management) is already in use:"
                                            + " stop what holds it, or pick another with"
                                            + " --fanout-admin-port"),
                    up.output());
            assertFalse(Files.exists(fresh));
        }
    }

    @Test
    void refusesOnePortForTwoServersWithAClearMessage() throws Exception {
        int[] ports = FreePort.pick(PORTS);
        // --identity-port the same as --stores-port: each would seem to start, the second's
        // health check answered by the first.
        ports[4] = ports[2];
        LauncherScripts.Result up = upDetached(runDir, ports);
        assertEquals(1, up.exit(), up.output());
        assertTrue(
                up.output()
                        .contains(
                                "--stores-port and --identity-port are both "
                                        + ports[2]
                                        + ": every server needs its own port"),
                up.output());
        assertTrue(pids().isEmpty(), "nothing was started");
        ports = FreePort.pick(PORTS);
        ports[8] = ports[3]; // --index-admin-port the same as --stores-admin-port
        up = upDetached(runDir, ports);
        assertEquals(1, up.exit(), up.output());
        assertTrue(
                up.output()
                        .contains(
                                "--index-admin-port and --stores-admin-port are both " + ports[3]),
                up.output());
    }

    @Test
    void anOptionWithoutItsValueIsNamedAndNothingIsCreated() throws Exception {
        Path fresh = runDir.resolve("not-yet");
        for (String option :
                List.of(
                        "--stores-port",
                        "--redis-port",
                        "--index-admin-port",
                        "--fanout-admin-port",
                        "--identity-admin-port",
                        "--run-dir")) {
            for (List<String> args :
                    List.of(
                            List.of("--run-dir", fresh.toString(), option),
                            List.of("--run-dir", fresh.toString(), option, "--detach"))) {
                if (option.equals("--run-dir") && args.size() == 3) {
                    args = List.of(option);
                }
                LauncherScripts.Result up = launcher("up.sh", args.toArray(String[]::new));
                assertEquals(2, up.exit(), args + ": " + up.output());
                assertTrue(
                        up.output().contains("up.sh: " + option + " needs a value"),
                        args + ": " + up.output());
                assertFalse(up.output().contains("unbound variable"), up.output());
                assertFalse(Files.exists(fresh), args + " created the run directory");
            }
        }
        LauncherScripts.Result down = launcher("down.sh", "--run-dir");
        assertEquals(2, down.exit(), down.output());
        assertTrue(down.output().contains("down.sh: --run-dir needs a value"), down.output());
    }

    /**
     * index-, fanout- and identity-service (and stores-service) answer /q/metrics on their loopback
     * management port, never on the public one (where it would be a side channel).
     */
    private void everyServiceServesMetricsOnItsManagementPortOnly(int[] ports) throws Exception {
        int[][] publicAndManagement = {
            {ports[1], ports[8]}, {ports[2], ports[3]}, {ports[7], ports[9]}, {ports[4], ports[10]}
        };
        for (int[] service : publicAndManagement) {
            HttpResponse<String> open = get("http://127.0.0.1:" + service[0] + "/q/metrics");
            assertTrue(
                    open.statusCode() == 403 || open.statusCode() == 404,
                    service[0] + ": " + open.statusCode());
            assertFalse(open.body().contains("# TYPE"), open.body());
            assertEquals(
                    200, get("http://127.0.0.1:" + service[0] + "/q/health/ready").statusCode());
            HttpResponse<String> metrics = get("http://127.0.0.1:" + service[1] + "/q/metrics");
            assertEquals(200, metrics.statusCode(), "management port " + service[1]);
            assertTrue(metrics.body().contains("# TYPE jvm_"), metrics.body());
            assertTrue(
                    metrics.headers().firstValue("x-amzn-RequestId").isPresent(),
                    "management responses carry a request id");
        }
    }

    /** The launcher's Redis wants its password, and no one but the user can read its files. */
    private void redisRefusesUnauthenticatedClientsAndKeepsItsFilesPrivate(int redis)
            throws Exception {
        try (Socket socket = new Socket("127.0.0.1", redis)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET anything\r\n".getBytes(StandardCharsets.US_ASCII));
            String reply =
                    new java.io.BufferedReader(
                                    new java.io.InputStreamReader(
                                            socket.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
            assertTrue(reply.startsWith("-NOAUTH"), reply);
        }
        String password = secret("GATEHOUSE_REDIS_PASSWORD");
        assertTrue(password.matches("[A-Za-z0-9]{40}"), "a generated password");
        assertFalse(
                ProcessHandle.allProcesses()
                        .anyMatch(
                                p ->
                                        p.info()
                                                .commandLine()
                                                .map(c -> c.contains(password))
                                                .orElse(false)),
                "the password is on no command line");
        for (String dir : List.of("redis", "logs")) {
            assertEquals(
                    PosixFilePermissions.fromString("rwx------"),
                    Files.getPosixFilePermissions(runDir.resolve(dir)),
                    dir);
        }
        assertEquals(
                PosixFilePermissions.fromString("rw-------"),
                Files.getPosixFilePermissions(runDir.resolve("secrets.env")));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(runDir.resolve("redis"))) {
            files = walk.toList();
        }
        assertTrue(
                files.stream().anyMatch(f -> f.getFileName().toString().startsWith("appendonly")),
                "Redis keeps its append-only file there: " + files);
        for (Path file : files) {
            Set<PosixFilePermission> modes = Files.getPosixFilePermissions(file);
            for (PosixFilePermission others :
                    List.of(
                            PosixFilePermission.GROUP_READ,
                            PosixFilePermission.GROUP_WRITE,
                            PosixFilePermission.OTHERS_READ,
                            PosixFilePermission.OTHERS_WRITE)) {
                assertFalse(modes.contains(others), file + " is " + modes);
            }
        }
    }

    /**
     * The usage-report commands up.sh prints (AWS CLI and curl, Debian 12's 7.88 included) work as
     * printed once the admin's keys replace the placeholders.
     */
    private void theUsageReportCommandsItPrintsWork(String output, JsonNode admin)
            throws Exception {
        List<String> commands = printedCommands(output, "a usage report (GetUsage)");
        assertEquals(2, commands.size(), output);
        assertTrue(commands.get(0).contains("aws apigateway get-usage"), commands.get(0));
        assertTrue(commands.get(1).startsWith("curl --aws-sigv4"), commands.get(1));
        assertTrue(commands.get(1).contains("?endDate="), "query sorted: " + commands.get(1));
        Path home = Files.createTempDirectory(runDir, "home");
        for (String command : commands) {
            String filled =
                    command.replace("<accessKeyId>", admin.path("accessKeyId").asText())
                            .replace("<secretAccessKey>", admin.path("secretAccessKey").asText());
            // stdout only: curl draws its progress meter on stderr.
            Path errors = Files.createTempFile(home, "stderr", ".txt");
            ProcessBuilder builder =
                    new ProcessBuilder("bash", "-c", filled)
                            .redirectError(ProcessBuilder.Redirect.to(errors.toFile()));
            builder.environment().put("HOME", home.toString());
            builder.environment().put("AWS_PAGER", "");
            builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
            builder.environment().remove("AWS_PROFILE");
            Process process = builder.start();
            String out =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), command);
            assertEquals(0, process.exitValue(), command + "\n" + out + Files.readString(errors));
            JsonNode usage = new ObjectMapper().readTree(out);
            assertEquals("free", usage.path("usagePlanId").asText(), filled + "\n" + out);
            // The wire's "values" is the CLI's "items".
            assertTrue(usage.has(command.startsWith("curl") ? "values" : "items"), out);
        }
    }

    /** The commands printed under {@code heading}, continuation lines joined. */
    private static List<String> printedCommands(String output, String heading) {
        List<String> lines = output.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(heading)) {
                start = i;
            }
        }
        assertTrue(start >= 0, output);
        List<String> commands = new ArrayList<>();
        StringBuilder current = null;
        for (int i = start + 1; i < lines.size() && lines.get(i).startsWith(" "); i++) {
            String line = lines.get(i).strip();
            if (current == null) {
                current = new StringBuilder();
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                commands.add(current.toString().strip());
                current = null;
            }
        }
        return commands;
    }

    private String secret(String name) throws IOException {
        return Files.readAllLines(runDir.resolve("secrets.env")).stream()
                .filter(line -> line.startsWith(name + "="))
                .map(line -> line.substring(name.length() + 1))
                .findFirst()
                .orElseThrow();
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
     * and the push and SMS webhooks of index-service (delivered), whose public page never lists
     * them.
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
        assertFalse(
                get("http://127.0.0.1:" + index + "/").body().contains(id),
                "the public page lists no customer's notifications");
    }

    /**
     * The user signed up above confirms, signs in (AdminInitiateAuth, signed by admin) and places
     * an order: stores-service publishes order.placed through its outbox, signed as stores-service,
     * and fanout-service mails the receipt (the webhooks' delivery is checked on the event above).
     */
    private void aPlacedOrderMailsItsReceipt(
            JsonNode credentials, int identity, int stores, int pop3) throws Exception {
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

    /**
     * deploy/local/up.sh --detach in {@code dir}, on {@code ports}: redis, index, stores,
     * stores-admin, identity, smtp, pop3, fanout, index-admin, fanout-admin, identity-admin.
     */
    private static LauncherScripts.Result upDetached(Path dir, int[] ports) throws Exception {
        List<String> args = new ArrayList<>(List.of("--detach", "--run-dir", dir.toString()));
        for (int i = 0; i < PORT_OPTIONS.size(); i++) {
            args.add(PORT_OPTIONS.get(i));
            args.add(Integer.toString(ports[i]));
        }
        return launcher("up.sh", args.toArray(String[]::new));
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

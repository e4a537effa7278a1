package dev.gatehouse.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.redis.local.FreePort;
import dev.gatehouse.testing.SigV4Signing;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged suite, started once by {@code deploy/local/up.sh --detach} on free ports in its own
 * run directory, as a user starts it; what credentials.json names (endpoints, API keys, IAM
 * principals, the user pool); and one signed-in user of the pool.
 */
final class LaunchedSuite implements AutoCloseable {

    static final Path ROOT =
            Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath().normalize();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String USER = "hostile-alice";
    static final String USER_EMAIL = "alice.hostile@wonderland.test";
    static final String PASSWORD = "Hostile-Horse-1x";

    /** An IAM principal of credentials.json. */
    record Principal(String accessKeyId, String secretAccessKey, String arn) {
        SigV4Signing signer(String service) {
            return SigV4Signing.as(accessKeyId, secretAccessKey).forService(service);
        }
    }

    final Path runDir;
    final JsonNode credentials;
    final int index;
    final int stores;
    final int storesAdmin;
    final int fanout;
    final int identity;
    final int redis;
    final String poolId;
    final String webClient;
    final String serverClient;
    String idToken;
    String accessToken;
    String refreshToken;

    /** The id of the free plan's key (its usage report names it). */
    String freeKeyId;

    private LaunchedSuite(Path runDir, int[] ports) throws IOException {
        this.runDir = runDir;
        this.credentials = JSON.readTree(runDir.resolve("credentials.json").toFile());
        this.redis = ports[0];
        this.index = ports[1];
        this.stores = ports[2];
        this.storesAdmin = ports[3];
        this.identity = ports[4];
        this.fanout = ports[7];
        this.poolId = credentials.at("/userPool/id").asText();
        this.webClient = credentials.at("/userPool/clients/web").asText();
        this.serverClient = credentials.at("/userPool/clients/server").asText();
    }

    /** Starts the suite (the services' jars must be packaged: the reactor sees to it). */
    static LaunchedSuite start(Path runDir) throws Exception {
        script("down.sh", "--run-dir", runDir.toString(), "--quiet");
        deleteTree(runDir); // a fresh pool and Redis: nothing left from an earlier run
        int[] p = FreePort.pick(11);
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--detach",
                                "--run-dir",
                                runDir.toString(),
                                "--redis-port",
                                "" + p[0],
                                "--index-port",
                                "" + p[1],
                                "--stores-port",
                                "" + p[2],
                                "--stores-admin-port",
                                "" + p[3],
                                "--identity-port",
                                "" + p[4],
                                "--smtp-port",
                                "" + p[5],
                                "--pop3-port",
                                "" + p[6],
                                "--fanout-port",
                                "" + p[7]));
        // Every service's management port, where the launcher has them: never a default port.
        String launcher = Files.readString(ROOT.resolve("deploy/local/up.sh"));
        String[] admin = {"--index-admin-port", "--fanout-admin-port", "--identity-admin-port"};
        for (int i = 0; i < admin.length; i++) {
            if (launcher.contains(admin[i] + ")")) {
                args.addAll(List.of(admin[i], "" + p[8 + i]));
            }
        }
        String out = script("up.sh", args.toArray(String[]::new));
        if (!Files.isRegularFile(runDir.resolve("credentials.json"))) {
            throw new IllegalStateException("up.sh did not start the suite:\n" + out);
        }
        LaunchedSuite suite = new LaunchedSuite(runDir, p);
        suite.signIn();
        suite.findFreeKeyId();
        return suite;
    }

    @Override
    public void close() throws Exception {
        script("down.sh", "--run-dir", runDir.toString(), "--quiet");
    }

    Principal principal(String name) {
        JsonNode iam = credentials.at("/iam/" + name);
        return new Principal(
                iam.path("accessKeyId").asText(),
                iam.path("secretAccessKey").asText(),
                iam.path("arn").asText());
    }

    String apiKey(String name) {
        return credentials.at("/apiKeys/" + name).asText();
    }

    /** Every value that must never appear in an answer or a log line. */
    List<String> secrets() throws IOException {
        List<String> secrets = new ArrayList<>();
        credentials.path("apiKeys").forEach(key -> secrets.add(key.asText()));
        credentials.path("iam").forEach(p -> secrets.add(p.path("secretAccessKey").asText()));
        for (String line : Files.readAllLines(runDir.resolve("secrets.env"))) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.substring(0, eq).endsWith("ACCESS_KEY_ID")) {
                secrets.add(line.substring(eq + 1).replaceAll("^['\"]|['\"]$", ""));
            }
        }
        secrets.add(PASSWORD);
        if (refreshToken != null) {
            secrets.add(refreshToken);
        }
        return secrets.stream().filter(s -> s.length() >= 8).distinct().toList();
    }

    /** The Redis password the launcher generated, if it requires one. */
    String redisPassword() throws IOException {
        for (String line : Files.readAllLines(runDir.resolve("secrets.env"))) {
            if (line.contains("REDIS") && line.contains("PASSWORD=")) {
                return line.substring(line.indexOf('=') + 1).replaceAll("^['\"]|['\"]$", "");
            }
        }
        return null;
    }

    /** {@code probe} signed by the AWS SDK v2 signer as {@code who} for {@code service}. */
    Probe signed(Principal who, String service, Probe probe) {
        return signed(who.signer(service), probe);
    }

    /** {@code probe} signed by {@code signer} (other clocks, session tokens, regions). */
    Probe signed(SigV4Signing signer, Probe probe) {
        Map<String, String> signedHeaders = new LinkedHashMap<>();
        for (Probe.Header h : probe.headers()) {
            String name = h.name().toLowerCase(java.util.Locale.ROOT);
            if (name.equals("content-type") || name.startsWith("x-amz-")) {
                signedHeaders.put(h.name(), h.value());
            }
        }
        Map<String, List<String>> headers =
                signer.headersFor(probe.method(), uri(probe), signedHeaders, probe.body());
        Probe out = probe;
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            out = out.set(h.getKey(), h.getValue().get(0));
        }
        return out;
    }

    /** {@code probe} with its target presigned (query-string SigV4) as {@code who}. */
    Probe presigned(SigV4Signing signer, Probe probe, Duration expires) {
        URI signed = signer.presign(probe.method(), uri(probe), expires);
        return probe.withTarget(signed.getRawPath() + "?" + signed.getRawQuery())
                .set("Host", "127.0.0.1:" + probe.port());
    }

    private static URI uri(Probe probe) {
        return URI.create("http://127.0.0.1:" + probe.port() + probe.target());
    }

    /** GET /stores as admin with the free plan's key: the genuine AWS_IAM + API key call. */
    Probe storesList() {
        return signed(
                principal("admin"),
                "execute-api",
                Probe.of(stores, "GET", "/stores?limit=2").with("x-api-key", apiKey("freeKey")));
    }

    /** An unsigned user pool API call (AWS JSON 1.1) to identity-service. */
    Probe cognito(String operation, String json) {
        return Probe.of(identity, "POST", "/")
                .with("Host", "127.0.0.1:" + identity)
                .with("Content-Type", "application/x-amz-json-1.1")
                .with("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
                .withBody(json);
    }

    /** A user pool API call signed as admin for cognito-idp (the Admin* operations). */
    Probe adminCognito(String operation, String json) {
        return signed(principal("admin"), "cognito-idp", cognito(operation, json).without("Host"));
    }

    /** A JSON request with the user's ID token, as the Cognito authorizer's callers send it. */
    Probe withIdToken(int port, String method, String target, String json) {
        return Probe.of(port, method, target)
                .with("Host", "127.0.0.1:" + port)
                .with("Authorization", idToken)
                .with("Content-Type", "application/json")
                .withBody(json);
    }

    Answer send(Probe probe) {
        return RawHttp.send(probe, 5_000);
    }

    /** Creates the suite's test user (admin, verified email) and signs it in. */
    private void signIn() throws IOException {
        String attributes =
                "[{\"Name\":\"email\",\"Value\":\""
                        + USER_EMAIL
                        + "\"},{\"Name\":\"email_verified\",\"Value\":\"true\"},"
                        + "{\"Name\":\"given_name\",\"Value\":\"Alice\"},"
                        + "{\"Name\":\"family_name\",\"Value\":\"Hostile\"}]";
        expect200(
                adminCognito(
                        "AdminCreateUser",
                        "{\"UserPoolId\":\""
                                + poolId
                                + "\",\"Username\":\""
                                + USER
                                + "\",\"TemporaryPassword\":\"Temporary-Pass-1\","
                                + "\"MessageAction\":\"SUPPRESS\",\"UserAttributes\":"
                                + attributes
                                + "}"));
        JsonNode challenge =
                expect200(
                        adminCognito(
                                "AdminInitiateAuth",
                                adminAuth("ADMIN_USER_PASSWORD_AUTH", "Temporary-Pass-1")));
        ObjectNode respond = JSON.createObjectNode();
        respond.put("UserPoolId", poolId).put("ClientId", serverClient);
        respond.put("ChallengeName", "NEW_PASSWORD_REQUIRED");
        respond.put("Session", challenge.path("Session").asText());
        respond.putObject("ChallengeResponses").put("USERNAME", USER).put("NEW_PASSWORD", PASSWORD);
        JsonNode result =
                expect200(adminCognito("AdminRespondToAuthChallenge", respond.toString()))
                        .path("AuthenticationResult");
        idToken = result.path("IdToken").asText();
        accessToken = result.path("AccessToken").asText();
        refreshToken = result.path("RefreshToken").asText();
    }

    private void findFreeKeyId() throws IOException {
        expect200(storesList());
        String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        JsonNode report =
                expect200(
                        signed(
                                principal("admin"),
                                "apigateway",
                                Probe.of(
                                        storesAdmin,
                                        "GET",
                                        "/usageplans/free/usage?startDate="
                                                + day
                                                + "&endDate="
                                                + day)));
        JsonNode items = report.has("items") ? report.path("items") : report.path("values");
        if (!items.fieldNames().hasNext()) {
            throw new IllegalStateException("no key in the free plan's usage: " + report);
        }
        freeKeyId = items.fieldNames().next();
    }

    String adminAuth(String flow, String password) {
        return "{\"UserPoolId\":\""
                + poolId
                + "\",\"ClientId\":\""
                + serverClient
                + "\",\"AuthFlow\":\""
                + flow
                + "\",\"AuthParameters\":{\"USERNAME\":\""
                + USER
                + "\",\"PASSWORD\":\""
                + password
                + "\"}}";
    }

    private JsonNode expect200(Probe probe) throws IOException {
        Answer answer = send(probe);
        if (answer.status() != 200) {
            throw new IllegalStateException("setting up the test user: " + answer.describe());
        }
        return JSON.readTree(answer.body());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** {@code bash deploy/local/<script> <args>} from the repository root; its output. */
    static String script(String name, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(
                        List.of("bash", ROOT.resolve("deploy/local").resolve(name).toString()));
        command.addAll(List.of(args));
        Process process =
                new ProcessBuilder(command)
                        .directory(ROOT.toFile())
                        .redirectErrorStream(true)
                        .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}

package dev.gatehouse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.redis.local.FreePort;
import dev.gatehouse.testing.NodePackages;
import dev.gatehouse.testing.RequiredTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's flows in a real browser: Debian's Chromium driven by npm {@code playwright-core}
 * ({@code src/test/node/browser-flows.js}) against the suite the launcher starts on free ports.
 * index-service signs in with quarkus-oidc against identity-service's hosted pages, so this is also
 * quarkus-oidc's protocol test against the real identity-service (no stand-in provider).
 *
 * <p>Sign up, the code from the local mailbox (POP3), confirm, search, order, the order's
 * notification, sign out, a protected page asks to sign in again; an admin-created user's first
 * sign-in (AdminCreateUser through the AWS CLI, then the new-password page); a wrong password, then
 * the right one; the forgot-password path; an expired code (sign-up codes live {@link
 * #CODE_VALIDITY_SECONDS} s in this run). Each flow runs even when an earlier one failed. A
 * screenshot of each step goes to {@code deploy/target/browser/}; their file names are printed.
 */
class BrowserFlowsIT {

    static final long CODE_VALIDITY_SECONDS = 20;
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path runDir;

    @AfterEach
    void stopEverything() throws Exception {
        LauncherScripts.run(Map.of(), "down.sh", "--run-dir", runDir.toString(), "--quiet");
    }

    @Test
    void signsUpOrdersSignsOutAndRecoversThroughTheHostedPagesInChromium() throws Exception {
        RequiredTool.require(
                Files.isExecutable(CHROMIUM)
                        ? null
                        : "/usr/bin/chromium is missing: the browser suite needs Debian's chromium"
                                + " (apt-get install chromium; .ci/run installs it)");
        RequiredTool.require(
                Files.isExecutable(Path.of("/usr/bin/aws"))
                        ? null
                        : "/usr/bin/aws is missing: AdminCreateUser goes through Debian's awscli");
        Path node = NodePackages.require();

        int[] ports = FreePort.pick(LocalLauncherIT.PORTS);
        List<String> args = new ArrayList<>(List.of("--detach", "--run-dir", runDir.toString()));
        for (int i = 0; i < LocalLauncherIT.PORTS; i++) {
            args.add(LocalLauncherIT.PORT_OPTIONS.get(i));
            args.add(Integer.toString(ports[i]));
        }
        LauncherScripts.Result up =
                LauncherScripts.run(
                        Map.of(
                                "GATEHOUSE_IDENTITY_CODES_SIGN_UP_VALIDITY",
                                CODE_VALIDITY_SECONDS + "s"),
                        "up.sh",
                        args.toArray(String[]::new));
        assertEquals(0, up.exit(), up.output());
        int index = ports[LocalLauncherIT.PORT_OPTIONS.indexOf("--index-port")];
        int pop3 = ports[LocalLauncherIT.PORT_OPTIONS.indexOf("--pop3-port")];
        assertTrue(
                up.output().contains("Start here: http://127.0.0.1:" + index + "/"),
                "the launcher names the page as the place to start:\n" + up.output());

        JsonNode credentials = JSON.readTree(runDir.resolve("credentials.json").toFile());
        Path shots = LauncherScripts.ROOT.resolve("deploy/target/browser");
        Map<String, String> env =
                Map.of(
                        "INDEX_URL", "http://127.0.0.1:" + index,
                        "POP3_PORT", Integer.toString(pop3),
                        "SHOTS_DIR", shots.toString(),
                        "IDENTITY_URL", credentials.at("/endpoints/identity").asText(),
                        "USER_POOL_ID", credentials.at("/userPool/id").asText(),
                        "AWS_REGION", credentials.path("region").asText(),
                        "ADMIN_ACCESS_KEY_ID", credentials.at("/iam/admin/accessKeyId").asText(),
                        "ADMIN_SECRET_ACCESS_KEY",
                                credentials.at("/iam/admin/secretAccessKey").asText(),
                        "CODE_VALIDITY_SECONDS", Long.toString(CODE_VALIDITY_SECONDS));

        Run run = node(node, env, "browser-flows.js");
        List<JsonNode> steps = new ArrayList<>();
        for (String line : run.stdout().split("\n")) {
            if (line.startsWith("{")) {
                JsonNode step = JSON.readTree(line);
                steps.add(step);
                if (step.has("shot")) {
                    System.out.printf(
                            "browser step %-32s %s %5d ms  screenshot %s%n",
                            step.path("step").asText(),
                            step.path("ok").asBoolean() ? "ok  " : "FAIL",
                            step.path("ms").asLong(),
                            step.path("shot").asText());
                }
            }
        }
        assertEquals(0, run.exit(), "browser flows failed:\n" + run.stdout() + run.stderr());
        assertTrue(
                steps.stream().anyMatch(s -> s.path("done").asBoolean()),
                "every step ran:\n" + run.stdout());
        for (String expected :
                List.of(
                        "sign-up-form",
                        "confirm-code-from-mailbox",
                        "search",
                        "order",
                        "order-without-csrf-token-refused",
                        "order-notification",
                        "sign-out",
                        "protected-page-asks-to-sign-in",
                        "wrong-password",
                        "sign-in",
                        "expired-code",
                        "forgot-password",
                        "sign-in-with-new-password",
                        "admin-created-first-sign-in")) {
            assertTrue(
                    steps.stream()
                            .anyMatch(
                                    s ->
                                            expected.equals(s.path("step").asText())
                                                    && s.path("ok").asBoolean()),
                    expected + " passed:\n" + run.stdout());
        }
    }

    record Run(int exit, String stdout, String stderr) {}

    /** {@code node <script>} in the npm install directory; 4 minutes at most. */
    static Run node(Path dir, Map<String, String> env, String script) throws Exception {
        Path out = Files.createTempFile("gatehouse-browser-", ".out");
        Path err = Files.createTempFile("gatehouse-browser-", ".err");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder("node", script)
                            .directory(dir.toFile())
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(4, TimeUnit.MINUTES)) {
                // Chromium is node's child: it goes too, never left running.
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Run(
                        -1,
                        Files.readString(out, StandardCharsets.UTF_8),
                        "timed out after 4 minutes\n" + Files.readString(err));
            }
            return new Run(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

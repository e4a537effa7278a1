package dev.gatehouse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.redis.local.FreePort;
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
 * The README's federated-identities Quick start, run as written (Debian's {@code /usr/bin/aws},
 * {@code jq} and {@code curl} 7.88) against the suite that deploy/local/up.sh starts: the ID token
 * becomes an identity, temporary credentials, the caller's ARN and the user's own profile. Then
 * identity-service and stores-service are restarted against the same Redis: the same login maps to
 * the same identity, and the credentials issued before the restart still verify, on
 * identity-service (STS GetCallerIdentity) and on stores-service's SigV4 verifier.
 */
class FederatedQuickStartIT {

    @TempDir Path runDir;

    @AfterEach
    void stopEverything() throws Exception {
        LauncherScripts.run(Map.of(), "down.sh", "--run-dir", runDir.toString(), "--quiet");
    }

    @Test
    void readmeCommandsWorkAndSurviveARestartOfIdentityService() throws Exception {
        for (String tool : List.of("/usr/bin/aws", "/usr/bin/jq", "/usr/bin/curl")) {
            RequiredTool.require(Files.isExecutable(Path.of(tool)) ? null : tool + " missing");
        }
        int[] ports = FreePort.pick(LocalLauncherIT.PORTS);
        List<String> args = new ArrayList<>(List.of("--detach", "--run-dir", runDir.toString()));
        for (int i = 0; i < LocalLauncherIT.PORTS; i++) {
            args.add(LocalLauncherIT.PORT_OPTIONS.get(i));
            args.add(Integer.toString(ports[i]));
        }
        LauncherScripts.Result up =
                LauncherScripts.run(Map.of(), "up.sh", args.toArray(String[]::new));
        assertEquals(0, up.exit(), up.output());
        int stores = ports[2];
        int identity = ports[4];

        String quickStart = readmeFederatedBlock().replace("127.0.0.1:8081", "127.0.0.1:" + stores);
        Path state = runDir.resolve("federated.env");
        String first =
                bash(
                        prelude()
                                + quickStart
                                + "\nprintf 'IID=%s\\nAK=%s\\nSK=%s\\nST=%s\\nL=%q\\n' \"$IID\""
                                + " \"$AK\" \"$SK\" \"$ST\" \"$L\" > "
                                + state
                                + "\n");
        assertTrue(
                first.contains("assumed-role/app-authenticated/CognitoIdentityCredentials"),
                "get-caller-identity names the pool's role session: " + first);
        assertTrue(
                first.contains("\"displayName\":\"Ada\""),
                "the signed PUT and GET answer the profile: " + first);
        String identityId = value(state, "IID");
        assertTrue(identityId.matches("us-east-1:[0-9a-f-]{36}"), identityId);

        // What AWS would refuse is refused too: the encoded path alone, signed by curl as written
        // (AWS encodes the path once more before comparing).
        String encodedOnly =
                bash(
                        load(state)
                                + "curl -s -o /dev/null -w '%{http_code}' --aws-sigv4"
                                + " aws:amz:us-east-1:execute-api --user \"$AK:$SK\""
                                + " -H \"x-amz-security-token: $ST\""
                                + " \"http://127.0.0.1:"
                                + stores
                                + "/profiles/${IID/:/%3A}\"\n");
        assertEquals("403", encodedOnly.trim());

        restart("identity-service", identity);
        restart("stores-service", stores);

        String after =
                bash(
                        prelude()
                                + load(state)
                                + "/usr/bin/aws cognito-identity get-id --endpoint-url $IDP"
                                + " --identity-pool-id $(jq -r .identityPool.id $C) --logins \"$L\""
                                + " --query IdentityId --output text\n"
                                + "AWS_ACCESS_KEY_ID=$AK AWS_SECRET_ACCESS_KEY=$SK"
                                + " AWS_SESSION_TOKEN=$ST /usr/bin/aws sts get-caller-identity"
                                + " --endpoint-url $IDP --query Arn --output text\n"
                                + "curl -s --aws-sigv4 aws:amz:us-east-1:execute-api"
                                + " --user \"$AK:$SK\" -H \"x-amz-security-token: $ST\""
                                + " --request-target \"/profiles/$IID\""
                                + " \"http://127.0.0.1:"
                                + stores
                                + "/profiles/${IID/:/%3A}\"\n");
        List<String> lines = after.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        assertTrue(lines.size() >= 3, after);
        assertEquals(identityId, lines.get(lines.size() - 3), "the same login, the same identity");
        assertEquals(
                "arn:aws:sts::123456789012:assumed-role/app-authenticated/"
                        + "CognitoIdentityCredentials",
                lines.get(lines.size() - 2));
        assertTrue(lines.get(lines.size() - 1).contains("\"displayName\":\"Ada\""), after);
    }

    /**
     * What the README's federated block expects from its earlier steps: the suite's files and
     * endpoints, the admin's key, and a signed-in user's ID token (here an administrator-created
     * user, so that no mailbox is needed).
     */
    private String prelude() {
        return "set -euo pipefail\n"
                + "export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null"
                + " AWS_PAGER=''\n"
                + "C="
                + runDir.resolve("credentials.json")
                + "\n"
                + "export AWS_ACCESS_KEY_ID=$(jq -r .iam.admin.accessKeyId $C)"
                + " AWS_SECRET_ACCESS_KEY=$(jq -r .iam.admin.secretAccessKey $C)\n"
                + "export AWS_DEFAULT_REGION=$(jq -r .region $C)\n"
                + "IDP=$(jq -r .endpoints.identity $C) POOL=$(jq -r .userPool.id $C)\n"
                + "SERVER=$(jq -r .userPool.clients.server $C)\n"
                + "if ! /usr/bin/aws cognito-idp admin-get-user --endpoint-url $IDP --user-pool-id"
                + " $POOL --username ada >/dev/null 2>&1; then\n"
                + "  /usr/bin/aws cognito-idp admin-create-user --endpoint-url $IDP --user-pool-id"
                + " $POOL --username ada --temporary-password 'Temporary-Pass-1!' --message-action"
                + " SUPPRESS --user-attributes Name=email,Value=ada@example.com"
                + " Name=email_verified,Value=true Name=given_name,Value=Ada"
                + " Name=family_name,Value=Lovelace >/dev/null\n"
                + "  SESSION=$(/usr/bin/aws cognito-idp admin-initiate-auth --endpoint-url $IDP"
                + " --user-pool-id $POOL --client-id $SERVER --auth-flow ADMIN_USER_PASSWORD_AUTH"
                + " --auth-parameters 'USERNAME=ada,PASSWORD=Temporary-Pass-1!' --query Session"
                + " --output text)\n"
                + "  /usr/bin/aws cognito-idp admin-respond-to-auth-challenge --endpoint-url $IDP"
                + " --user-pool-id $POOL --client-id $SERVER --challenge-name NEW_PASSWORD_REQUIRED"
                + " --session \"$SESSION\" --challenge-responses"
                + " 'USERNAME=ada,NEW_PASSWORD=Correct-Horse-1!' >/dev/null\n"
                + "fi\n"
                + "ID_TOKEN=$(/usr/bin/aws cognito-idp admin-initiate-auth --endpoint-url $IDP"
                + " --user-pool-id $POOL --client-id $SERVER --auth-flow ADMIN_USER_PASSWORD_AUTH"
                + " --auth-parameters 'USERNAME=ada,PASSWORD=Correct-Horse-1!' --query"
                + " AuthenticationResult.IdToken --output text)\n";
    }

    private static String load(Path state) {
        return "set -a; . " + state + "; set +a\n";
    }

    private static String value(Path state, String name) throws Exception {
        return Files.readAllLines(state).stream()
                .filter(l -> l.startsWith(name + "="))
                .map(l -> l.substring(name.length() + 1))
                .findFirst()
                .orElseThrow();
    }

    /** The bash block after "Federated identities:" in README.md, as a user copies it. */
    static String readmeFederatedBlock() throws Exception {
        String readme = Files.readString(LauncherScripts.ROOT.resolve("README.md"));
        int from = readme.indexOf("```bash", readme.indexOf("Federated identities:"));
        int to = readme.indexOf("```", from + 7);
        return readme.substring(from + 7, to);
    }

    /**
     * Stops a service as a crash would and starts it again with the launcher's start script. A
     * start that fails (on a machine this loaded, Redis calls at startup can time out) is logged
     * with its cause and tried once more, as a supervisor would.
     */
    private void restart(String service, int port) throws Exception {
        String run = runDir.toString();
        String lib = ". " + LauncherScripts.ROOT.resolve("deploy/local/lib.sh") + "\n";
        String log = run + "/logs/" + service + ".log";
        String start =
                "start_process "
                        + service
                        + " "
                        + run
                        + " bash "
                        + run
                        + "/start/"
                        + service
                        + ".sh\n"
                        + "wait_for_ready "
                        + service
                        + " "
                        + port
                        + " "
                        + run
                        + " 120";
        String out =
                bash(
                        lib
                                + "PID=$(cat "
                                + run
                                + "/pids/"
                                + service
                                + ".pid)\nkill -KILL $PID\n"
                                + "while kill -0 $PID 2>/dev/null; do sleep 0.2; done\n"
                                + start
                                + " || { echo NOT READY; grep -m3 'Caused by' "
                                + log
                                + " || tail -5 "
                                + log
                                + "; kill -KILL $(cat "
                                + run
                                + "/pids/"
                                + service
                                + ".pid) 2>/dev/null || true; sleep 1; "
                                + start.replace("\n", "; ")
                                + "; }\n");
        if (out.contains("NOT READY")) {
            System.out.println(service + " failed its first restart:\n" + out);
        }
        assertTrue(out.contains(service + " ready"), out);
    }

    private String bash(String script) throws Exception {
        Path file = Files.createTempFile(runDir, "step", ".sh");
        Files.writeString(file, script);
        Process process =
                new ProcessBuilder("bash", file.toString())
                        .directory(LauncherScripts.ROOT.toFile())
                        .redirectErrorStream(true)
                        .start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        return text;
    }
}

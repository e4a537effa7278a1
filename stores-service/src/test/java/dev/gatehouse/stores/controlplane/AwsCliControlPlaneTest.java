package dev.gatehouse.stores.controlplane;

import static dev.gatehouse.stores.TestCallers.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.testing.RedisTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through with Debian's AWS CLI ({@code /usr/bin/aws apigateway ...
 * --endpoint-url}): create a key, attach it to a plan, call {@code GET /stores}, read its usage,
 * disable it, see 403; and the CLI's error output for an unknown id.
 */
@QuarkusTest
@WithTestResource(value = RedisTestResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AwsCliControlPlaneTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    final ObjectMapper json = new ObjectMapper();

    record Run(int exit, String out, String err) {}

    Run aws(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/aws", "apigateway"));
        command.addAll(List.of(args));
        command.addAll(
                List.of(
                        "--endpoint-url",
                        ControlPlaneClients.root(management),
                        "--region",
                        "us-east-1",
                        "--output",
                        "json"));
        Path home = Files.createTempDirectory("aws-cli-home");
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", ControlPlaneClients.OPERATOR_ID);
        env.put("AWS_SECRET_ACCESS_KEY", ControlPlaneClients.OPERATOR_SECRET);
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("AWS_PAGER", "");
        Path out = home.resolve("out");
        Path err = home.resolve("err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "aws finished");
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    JsonNode ok(String... args) throws Exception {
        Run run = aws(args);
        assertEquals(0, run.exit(), run.err());
        return run.out().isBlank() ? json.createObjectNode() : json.readTree(run.out());
    }

    int status(String value) {
        return signed().header("x-api-key", value).get("/stores").statusCode();
    }

    @Test
    void managesAKeyEndToEnd() throws Exception {
        JsonNode plan =
                ok(
                        "create-usage-plan",
                        "--name",
                        "cli-paid",
                        "--throttle",
                        "burstLimit=10,rateLimit=5",
                        "--quota",
                        "limit=100,period=MONTH",
                        "--api-stages",
                        "apiId=stores-service,stage=dev");
        String planId = plan.get("id").asText();
        JsonNode key = ok("create-api-key", "--name", "cli-customer", "--enabled");
        String keyId = key.get("id").asText();
        String value = key.get("value").asText();
        assertEquals(403, status(value));
        ok(
                "create-usage-plan-key",
                "--usage-plan-id",
                planId,
                "--key-id",
                keyId,
                "--key-type",
                "API_KEY");
        assertEquals(200, status(value));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode usage =
                ok(
                        "get-usage",
                        "--usage-plan-id",
                        planId,
                        "--start-date",
                        today,
                        "--end-date",
                        today);
        assertEquals(1, usage.get("items").get(keyId).get(0).get(0).asInt());
        assertEquals(99, usage.get("items").get(keyId).get(0).get(1).asInt());
        JsonNode got = ok("get-api-key", "--api-key", keyId, "--include-value");
        assertEquals(value, got.get("value").asText());
        ok(
                "update-api-key",
                "--api-key",
                keyId,
                "--patch-operations",
                "op=replace,path=/enabled,value=false");
        assertEquals(403, status(value));
        JsonNode listed = ok("get-api-keys", "--name-query", "cli-");
        assertEquals(keyId, listed.get("items").get(0).get("id").asText());
        ok("delete-api-key", "--api-key", keyId);

        Run missing = aws("get-usage-plan", "--usage-plan-id", "nope00");
        assertEquals(254, missing.exit(), missing.err());
        assertTrue(
                missing.err().contains("(NotFoundException)")
                        && missing.err().contains("Invalid Usage Plan ID specified"),
                missing.err());
    }
}

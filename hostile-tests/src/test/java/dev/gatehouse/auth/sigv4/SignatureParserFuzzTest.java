package dev.gatehouse.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SignatureParser (the SigV4 material of the Authorization header and of a presigned query) ends
 * every input in a claim or a rejection: any exception is a finding (a hang ends the fork:
 * hostile-tests/pom.xml). Run by every build for a bounded time (hostile-tests/pom.xml); the seeds
 * under {@code src/test/resources/.../SignatureParserFuzzTestInputs/} replay in regression mode.
 */
class SignatureParserFuzzTest {

    static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");
    final SignatureParser parser = new SignatureParser("us-east-1", "execute-api");

    /** Input lines: Authorization value, X-Amz-Date value, raw query string. */
    @FuzzTest(maxDuration = "20s")
    void everyInputEndsInAClaimOrARejection(byte[] input) {
        String[] field = new String(input, StandardCharsets.UTF_8).split("\n", 3);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("127.0.0.1:8081"));
        if (field.length > 0 && !field[0].isEmpty()) {
            headers.put("authorization", List.of(field[0]));
        }
        if (field.length > 1 && !field[1].isEmpty()) {
            headers.put("x-amz-date", List.of(field[1]));
        }
        String query = field.length > 2 ? field[2] : "";
        Object result =
                parser.parse(new SignedRequest("GET", "/stores", query, headers, new byte[0]), NOW);
        assertTrue(
                result instanceof SignatureClaim || result instanceof SigV4Rejection,
                "neither a claim nor a rejection: " + result);
    }
}

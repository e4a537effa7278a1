package dev.gatehouse.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whatever arrives in the Authorization header or a presigned query string, {@link SigV4Verifier}
 * answers with a claim or a 403-shaped {@link SigV4Rejection}; no exception escapes, and the
 * parser's catch-all ("Malformed Authorization data") never has to step in.
 *
 * <p>In a normal build (JAZZER_FUZZ unset) each target runs once per seed under {@code
 * src/test/resources/dev/gatehouse/auth/sigv4/SigV4VerifierFuzzTestInputs/<method>/}. A seed is
 * text, one field per line (see {@link #lines}); the seeds are requests the AWS SDK v2 signer
 * signed for {@link #NOW}, so that the fuzzer starts from inputs that verify.
 *
 * <p>A bounded coverage-guided run fuzzes one target per JVM; JAZZER_MAX_DURATION overrides the
 * {@code maxDuration} below (5 minutes). A finding fails the test and is saved next to the seeds,
 * where every later build replays it; the working corpus goes to the git-ignored {@code
 * auth-common/.cifuzz-corpus/}.
 *
 * <pre>
 * for target in authorizationHeader presignedQuery; do
 *   JAZZER_FUZZ=1 JAZZER_MAX_DURATION=60s ./mvnw -B -pl auth-common -am test \
 *     -Dtest="SigV4VerifierFuzzTest#${target}*" -Dsurefire.failIfNoSpecifiedTests=false
 * done
 * </pre>
 */
class SigV4VerifierFuzzTest {

    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final Set<String> ERROR_TYPES =
            Set.of(
                    "MissingAuthenticationTokenException",
                    "IncompleteSignatureException",
                    "InvalidSignatureException");

    final SigV4Verifier verifier = new SigV4Verifier("us-east-1", SigV4Verifier.EXECUTE_API, true);

    /** Seed lines: Authorization value, X-Amz-Date value, Date value, path, query, body. */
    @FuzzTest(maxDuration = "5m")
    void authorizationHeaderAlwaysEndsInAClaimOrA403(byte[] input) {
        String[] field = lines(input, 6);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("api.example.com"));
        headers.put("content-type", List.of("application/json"));
        headers.put("authorization", List.of(field[0]));
        if (!field[1].isEmpty()) {
            headers.put("x-amz-date", List.of(field[1]));
        }
        if (!field[2].isEmpty()) {
            headers.put("date", List.of(field[2]));
        }
        byte[] body = field[5].getBytes(StandardCharsets.UTF_8);
        // The AWS SDK v2 signer sends and signs the payload hash; the seeds come from it.
        headers.put("x-amz-content-sha256", List.of(CanonicalRequest.sha256Hex(body)));
        check(new SignedRequest("GET", field[3], field[4], headers, body));
    }

    /** Seed lines: raw query string, path, X-Amz-Security-Token header value. */
    @FuzzTest(maxDuration = "5m")
    void presignedQueryAlwaysEndsInAClaimOrA403(byte[] input) {
        String[] field = lines(input, 3);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("api.example.com"));
        headers.put("content-type", List.of("application/json"));
        if (!field[2].isEmpty()) {
            headers.put("x-amz-security-token", List.of(field[2]));
        }
        check(new SignedRequest("GET", field[1], field[0], headers, new byte[0]));
    }

    private void check(SignedRequest request) {
        SignatureParse parse = verifier.parse(request, NOW);
        SigV4Rejection rejection =
                parse instanceof SignatureClaim claim
                        ? verifier.verify(request, claim, SECRET).orElse(null)
                        : (SigV4Rejection) parse;
        if (rejection == null) {
            return; // a valid signature (the seeds) or, astronomically unlikely, a forged one
        }
        assertNotNull(rejection.errorType());
        assertTrue(ERROR_TYPES.contains(rejection.errorType()), rejection.errorType());
        assertNotNull(rejection.message());
        assertNotEquals(
                "Malformed Authorization data",
                rejection.message(),
                "the parser threw; SignatureParser should have answered this input itself");
        assertEquals(403, rejection.toResponse().getStatus());
    }

    /**
     * The input as UTF-8 text split at line feeds into {@code count} fields; missing fields are
     * empty, and the last one takes the rest (line feeds included).
     */
    static String[] lines(byte[] input, int count) {
        String[] parts = new String(input, StandardCharsets.UTF_8).split("\n", count);
        String[] fields = new String[count];
        for (int i = 0; i < count; i++) {
            fields[i] = i < parts.length ? parts[i] : "";
        }
        return fields;
    }
}

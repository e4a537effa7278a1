package dev.gatehouse.auth.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.testing.NodePackages;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests signed by the two Node SigV4 clients people put in front of API Gateway, npm {@code
 * aws4} and {@code @smithy/signature-v4} (the AWS SDK for JavaScript v3 signer), are accepted
 * exactly as those clients put them on the wire. The signing runs in {@code src/test/node/sign.js}
 * (see {@link NodeTestPackages}); without Node the class is skipped.
 */
class NodeClientCompatibilityTest {

    static final String REGION = "eu-west-1";
    static final String HOST = "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com";
    static final String AKID = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String TOKEN = "FwoGZXIvYXdzEXAMPLE//TOKEN+with/slashes=";
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final List<String> LIBRARIES = List.of("aws4", "smithy");

    /** What a caller hands the client library. */
    record ClientCase(
            String name,
            String method,
            String path,
            List<List<String>> query,
            Map<String, String> headers,
            byte[] body,
            boolean presign,
            String sessionToken,
            Integer expiresIn) {

        static ClientCase get(String name, String path, String... queryPairs) {
            List<List<String>> query = new ArrayList<>();
            for (int i = 0; i < queryPairs.length; i += 2) {
                query.add(List.of(queryPairs[i], queryPairs[i + 1]));
            }
            return new ClientCase(name, "GET", path, query, Map.of(), null, false, null, 300);
        }

        ClientCase with(String method, Map<String, String> headers, byte[] body) {
            return new ClientCase(
                    name, method, path, query, headers, body, presign, sessionToken, expiresIn);
        }

        ClientCase presigned() {
            return new ClientCase(
                    name, method, path, query, headers, body, true, sessionToken, expiresIn);
        }

        ClientCase withToken() {
            return new ClientCase(
                    name, method, path, query, headers, body, presign, TOKEN, expiresIn);
        }

        /** Presigned as aws4 does by default outside S3: no X-Amz-Expires at all. */
        ClientCase withoutExpires() {
            return new ClientCase(
                    name, method, path, query, headers, body, presign, sessionToken, null);
        }
    }

    static final byte[] BINARY = binaryBody();

    /** Signed by both clients. Paths are percent-encoded, as the AWS SDK's serialisers do. */
    static final List<ClientCase> BOTH =
            List.of(
                    ClientCase.get("root path", "/"),
                    ClientCase.get("stage and resource", "/prod/stores/lis-001"),
                    ClientCase.get("space in a segment", "/prod/stores/with%20space"),
                    ClientCase.get("unicode segments", "/prod/stores/caf%C3%A9/%E2%82%AC"),
                    ClientCase.get("@ and = in a path", "/prod/@connections/abc%3D"),
                    ClientCase.get("$ in a path", "/prod/price/%24100"),
                    ClientCase.get("%2F inside a segment", "/prod/files/a%2Fb/c"),
                    ClientCase.get(
                            "dot segments and double slashes", "/prod/stores/./x/../lis-001//a"),
                    ClientCase.get("final dot segment", "/prod/stores/lis-001/."),
                    ClientCase.get("final dot-dot segment", "/prod/stores/lis-001/x/.."),
                    ClientCase.get(
                            "repeated query keys",
                            "/prod/stores",
                            "tag",
                            "b",
                            "tag",
                            "a",
                            "tag",
                            "a"),
                    ClientCase.get("empty query values", "/prod/stores", "empty", "", "flag", ""),
                    ClientCase.get(
                            "query values needing encoding",
                            "/prod/stores",
                            "$filter",
                            "id eq 123",
                            "q",
                            "café & co",
                            "plus",
                            "a+b",
                            "slash",
                            "a/b"),
                    ClientCase.get("signed custom header", "/prod/stores")
                            .with("GET", Map.of("X-Trace-Note", "  padded   inner   runs  "), null),
                    ClientCase.get("POST JSON body", "/prod/stores/search")
                            .with(
                                    "POST",
                                    Map.of("Content-Type", "application/json"),
                                    "{\"query\":\"café\",\"limit\":8}"
                                            .getBytes(StandardCharsets.UTF_8)),
                    ClientCase.get("POST binary body", "/prod/uploads/blob.bin")
                            .with(
                                    "POST",
                                    Map.of("Content-Type", "application/octet-stream"),
                                    BINARY),
                    ClientCase.get("PUT with query and body", "/prod/stores/lis-001", "v", "2")
                            .with(
                                    "PUT",
                                    Map.of("Content-Type", "text/plain; charset=utf-8"),
                                    "façade\n".getBytes(StandardCharsets.UTF_8)),
                    ClientCase.get("session token in headers", "/prod/stores").withToken(),
                    ClientCase.get("presigned URL", "/prod/stores", "limit", "3").presigned(),
                    ClientCase.get("presigned URL with a session token", "/prod/stores")
                            .presigned()
                            .withToken(),
                    ClientCase.get(
                                    "presigned URL, encoded path and query",
                                    "/prod/@connections/caf%C3%A9%3D",
                                    "q",
                                    "a b")
                            .presigned(),
                    ClientCase.get("presigned POST with a body", "/prod/stores/search")
                            .with(
                                    "POST",
                                    Map.of("Content-Type", "application/json"),
                                    "{}".getBytes(StandardCharsets.UTF_8))
                            .presigned());

    /**
     * Signed by aws4 only: it takes raw text and encodes it itself, then sends the path it built.
     */
    static final List<ClientCase> AWS4_RAW =
            List.of(
                    ClientCase.get("raw space and unicode", "/prod/stores/with space/café/€"),
                    ClientCase.get("raw $ @ = left as typed", "/prod/@connections/abc=/$100"),
                    ClientCase.get("raw query text", "/prod/stores", "q", "café & co"),
                    ClientCase.get(
                                    "presigned URL without X-Amz-Expires",
                                    "/prod/stores",
                                    "limit",
                                    "3")
                            .presigned()
                            .withoutExpires());

    static final String NO_EXPIRES = "presigned URL without X-Amz-Expires";

    static final String TAMPERED = "POST JSON body";

    static final SigV4Verifier VERIFIER =
            new SigV4Verifier(REGION, SigV4Verifier.EXECUTE_API, true);
    private static Map<String, SignedRequest> signed;

    /**
     * Every case signed by one node run, on first use; each test (not the class) is skipped without
     * Node, so that the report counts them.
     */
    static synchronized SignedRequest signed(String name) throws Exception {
        if (signed == null) {
            signed = signWithNodeClients();
        }
        return signed.get(name);
    }

    private static Map<String, SignedRequest> signWithNodeClients() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode input = json.createObjectNode();
        input.put("signingTime", NOW.toString());
        input.put("region", REGION);
        input.put("service", SigV4Verifier.EXECUTE_API);
        input.put("host", HOST);
        input.put("accessKeyId", AKID);
        input.put("secretAccessKey", SECRET);
        ArrayNode cases = input.putArray("cases");
        for (String library : LIBRARIES) {
            for (ClientCase c : BOTH) {
                cases.add(toJson(json, library, c));
            }
        }
        for (ClientCase c : AWS4_RAW) {
            cases.add(toJson(json, "aws4", c));
        }
        JsonNode output =
                json.readTree(NodePackages.node("sign.js", json.writeValueAsString(input)));
        Map<String, SignedRequest> byName = new HashMap<>();
        for (JsonNode r : output) {
            byName.put(r.get("library").asText() + ": " + r.get("name").asText(), received(r));
        }
        return byName;
    }

    static Stream<String> acceptedCases() {
        return Stream.concat(
                LIBRARIES.stream().flatMap(l -> BOTH.stream().map(c -> l + ": " + c.name())),
                AWS4_RAW.stream().map(c -> "aws4: " + c.name()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedCases")
    void acceptsWhatTheNodeClientSent(String name) throws Exception {
        SignedRequest request = signed(name);
        assertNotNull(request, "no signed output for " + name);
        SignatureClaim claim =
                assertInstanceOf(SignatureClaim.class, VERIFIER.parse(request, NOW), name);
        assertEquals(AKID, claim.accessKeyId());
        assertEquals(REGION, claim.region());
        ClientCase c = caseNamed(name);
        assertEquals(c.presign(), claim.presigned(), "signature location");
        assertEquals(c.sessionToken(), claim.securityToken(), "session token");
        assertEquals(Optional.empty(), VERIFIER.verify(request, claim, SECRET), name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aws4", "smithy"})
    void rejectsABodyChangedAfterSigning(String library) throws Exception {
        SignedRequest original = signed(library + ": " + TAMPERED);
        byte[] body = original.body().clone();
        body[body.length - 2]++; // {"query":"café","limit":9}
        SignedRequest tampered =
                new SignedRequest(
                        original.method(),
                        original.rawPath(),
                        original.rawQuery(),
                        original.headers(),
                        body);
        SignatureClaim claim =
                assertInstanceOf(SignatureClaim.class, VERIFIER.parse(tampered, NOW));
        SigV4Rejection rejection = VERIFIER.verify(tampered, claim, SECRET).orElse(null);
        assertNotNull(rejection, "a changed body must not verify");
        assertEquals("InvalidSignatureException", rejection.errorType());
        assertTrue(
                rejection
                        .message()
                        .startsWith(
                                "The request signature we calculated does not match the signature"
                                        + " you provided."),
                rejection.message());
    }

    /**
     * A presigned request without X-Amz-Expires lives by the header form's time rule: accepted up
     * to five minutes either side of its X-Amz-Date, refused with the header form's messages
     * beyond.
     */
    @org.junit.jupiter.api.Test
    void presignedWithoutExpiresFollowsTheFiveMinuteRule() throws Exception {
        SignedRequest request = signed("aws4: " + NO_EXPIRES);
        assertNotNull(request);
        assertTrue(!request.rawQuery().contains("X-Amz-Expires"), request.rawQuery());
        for (long seconds : new long[] {-299, 0, 299}) {
            SignatureClaim claim =
                    assertInstanceOf(
                            SignatureClaim.class,
                            VERIFIER.parse(request, NOW.plusSeconds(seconds)),
                            () -> seconds + " s");
            assertEquals(Optional.empty(), VERIFIER.verify(request, claim, SECRET));
        }
        SigV4Rejection late =
                assertInstanceOf(
                        SigV4Rejection.class, VERIFIER.parse(request, NOW.plusSeconds(301)));
        assertEquals("InvalidSignatureException", late.errorType());
        assertTrue(
                late.message().startsWith("Signature expired: 20261123T120000Z"), late.message());
        SigV4Rejection early =
                assertInstanceOf(
                        SigV4Rejection.class, VERIFIER.parse(request, NOW.minusSeconds(301)));
        assertTrue(early.message().startsWith("Signature not yet current"), early.message());
    }

    private static ClientCase caseNamed(String name) {
        String caseName = name.substring(name.indexOf(": ") + 2);
        return Stream.concat(BOTH.stream(), AWS4_RAW.stream())
                .filter(c -> c.name().equals(caseName))
                .findFirst()
                .orElseThrow();
    }

    private static ObjectNode toJson(ObjectMapper json, String library, ClientCase c) {
        ObjectNode node = json.createObjectNode();
        node.put("name", c.name());
        node.put("library", library);
        node.put("method", c.method());
        node.put("path", c.path());
        ArrayNode query = node.putArray("query");
        c.query().forEach(pair -> query.addArray().add(pair.get(0)).add(pair.get(1)));
        ObjectNode headers = node.putObject("headers");
        c.headers().forEach(headers::put);
        if (c.body() != null) {
            node.put("bodyBase64", Base64.getEncoder().encodeToString(c.body()));
        }
        node.put("presign", c.presign());
        if (c.expiresIn() != null) {
            node.put("expiresIn", c.expiresIn());
        }
        if (c.sessionToken() != null) {
            node.put("sessionToken", c.sessionToken());
        }
        return node;
    }

    /** As a server receives it: request target split at '?', header names lower-cased. */
    private static SignedRequest received(JsonNode r) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (JsonNode h : r.get("headers")) {
            headers.computeIfAbsent(
                            h.get(0).asText().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(h.get(1).asText());
        }
        return new SignedRequest(
                r.get("method").asText(),
                r.get("path").asText(),
                r.get("query").asText(),
                headers,
                Base64.getDecoder().decode(r.get("bodyBase64").asText()));
    }

    private static byte[] binaryBody() {
        byte[] bytes = new byte[512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7 + 3); // every byte value, invalid UTF-8 included
        }
        return bytes;
    }
}

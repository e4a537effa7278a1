package dev.gatehouse.auth.sigv4;

import static dev.gatehouse.auth.sigv4.ForgedRequests.AKID;
import static dev.gatehouse.auth.sigv4.ForgedRequests.NOW;
import static dev.gatehouse.auth.sigv4.ForgedRequests.SECRET;
import static dev.gatehouse.auth.sigv4.ForgedRequests.forgeAuthorization;
import static dev.gatehouse.auth.sigv4.ForgedRequests.header;
import static dev.gatehouse.auth.sigv4.ForgedRequests.raw;
import static dev.gatehouse.auth.sigv4.ForgedRequests.sdk;
import static dev.gatehouse.auth.sigv4.ForgedRequests.withAuthorization;
import static dev.gatehouse.auth.sigv4.ForgedRequests.withExpires;
import static dev.gatehouse.auth.sigv4.ForgedRequests.withHeader;
import static dev.gatehouse.auth.sigv4.ForgedRequests.withQuery;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.auth.api.GatewayResponses;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * Every way a SigV4 request can be forged or malformed gets API Gateway's answer (spec sections
 * 4.3, 4.6 and 4.9): always 403, with the exact {@code x-amzn-ErrorType} and message. Requests
 * start from what the AWS SDK v2 signer produces and are then broken the way a client or an
 * attacker would break them.
 */
class SigV4RejectionMatrixTest {

    static final String AMZ_NOW = "20261123T120000Z";
    static final String SCOPE = AKID + "/20261123/us-east-1/execute-api/aws4_request";
    static final String ZEROS = "0".repeat(64);

    static final String MISSING_AUTH = "MissingAuthenticationTokenException";
    static final String INCOMPLETE = "IncompleteSignatureException";
    static final String INVALID = "InvalidSignatureException";
    static final String MISMATCH =
            "The request signature we calculated does not match the signature you provided. Check"
                    + " your AWS Secret Access Key and signing method. Consult the service"
                    + " documentation for details.";
    static final String BAD_EXPIRES =
            "X-Amz-Expires must be a whole number of seconds from 1 to 604800 (seven days)";

    /** Without the echo, so that a mismatch message is exact; the echo has its own tests. */
    final SigV4Verifier verifier = new SigV4Verifier("us-east-1", SigV4Verifier.EXECUTE_API, false);

    static Stream<Arguments> forgeries() {
        List<Arguments> rows = new ArrayList<>();
        // Shape of the Authorization header (section 4.3).
        rows.add(
                row(
                        "no signature at all",
                        () -> raw(Map.of()),
                        MISSING_AUTH,
                        "Missing Authentication Token"));
        rows.add(
                row(
                        "a JWT in Authorization",
                        () -> withAuthorization("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", null),
                        INCOMPLETE,
                        "Authorization header requires 'Credential' parameter. Authorization header"
                            + " requires 'Signature' parameter. Authorization header requires"
                            + " 'SignedHeaders' parameter. Authorization header requires existence"
                            + " of either a 'X-Amz-Date' or a 'Date' header."
                            + " Authorization=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"));
        rows.add(
                row(
                        "Bearer token without '='",
                        () -> withAuthorization("Bearer abc.def.ghi", AMZ_NOW),
                        INCOMPLETE,
                        "'abc.def.ghi' not a valid key=value pair (missing equal-sign) in"
                                + " Authorization header: 'Bearer abc.def.ghi'."));
        rows.add(
                row(
                        "a parameter without '='",
                        () ->
                                withAuthorization(
                                        "AWS4-HMAC-SHA256 Credential="
                                                + SCOPE
                                                + ", SignedHeaders=host;x-amz-date, Signature",
                                        AMZ_NOW),
                        INCOMPLETE,
                        "'Signature' not a valid key=value pair (missing equal-sign) in"
                                + " Authorization header: 'AWS4-HMAC-SHA256 Credential="
                                + SCOPE
                                + ", SignedHeaders=host;x-amz-date, Signature'."));
        rows.add(
                row(
                        "no Credential",
                        () ->
                                withAuthorization(
                                        "AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date,"
                                                + " Signature="
                                                + ZEROS,
                                        AMZ_NOW),
                        INCOMPLETE,
                        "Authorization header requires 'Credential' parameter."
                                + " Authorization=AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date,"
                                + " Signature="
                                + ZEROS));
        rows.add(
                row(
                        "no Signature",
                        () ->
                                withAuthorization(
                                        "AWS4-HMAC-SHA256 Credential="
                                                + SCOPE
                                                + ", SignedHeaders=host;x-amz-date",
                                        AMZ_NOW),
                        INCOMPLETE,
                        "Authorization header requires 'Signature' parameter."
                                + " Authorization=AWS4-HMAC-SHA256 Credential="
                                + SCOPE
                                + ", SignedHeaders=host;x-amz-date"));
        rows.add(
                row(
                        "no SignedHeaders",
                        () ->
                                withAuthorization(
                                        "AWS4-HMAC-SHA256 Credential="
                                                + SCOPE
                                                + ", Signature="
                                                + ZEROS,
                                        AMZ_NOW),
                        INCOMPLETE,
                        "Authorization header requires 'SignedHeaders' parameter."
                                + " Authorization=AWS4-HMAC-SHA256 Credential="
                                + SCOPE
                                + ", Signature="
                                + ZEROS));
        rows.add(
                row(
                        "neither X-Amz-Date nor Date",
                        () -> withAuthorization(header(SCOPE, "host;x-amz-date", ZEROS), null),
                        INCOMPLETE,
                        "Authorization header requires existence of either a 'X-Amz-Date' or a"
                                + " 'Date' header. Authorization="
                                + header(SCOPE, "host;x-amz-date", ZEROS)));
        rows.add(
                row(
                        "X-Amz-Date in extended ISO format",
                        () ->
                                withAuthorization(
                                        header(SCOPE, "host;x-amz-date", ZEROS),
                                        "2026-11-23T12:00:00Z"),
                        INCOMPLETE,
                        "Date must be in ISO-8601 'basic format'. Got '2026-11-23T12:00:00Z'. See"
                                + " http://en.wikipedia.org/wiki/ISO_8601"));
        rows.add(
                row(
                        "another algorithm",
                        () ->
                                withAuthorization(
                                        header(SCOPE, "host;x-amz-date", ZEROS)
                                                .replace(
                                                        "AWS4-HMAC-SHA256",
                                                        "AWS4-ECDSA-P256-SHA256"),
                                        AMZ_NOW),
                        INCOMPLETE,
                        "Unsupported Authorization Type"));
        rows.add(
                row(
                        "two Authorization headers",
                        () -> {
                            SignedRequest signed = sdk(s -> {});
                            String value = signed.header("authorization");
                            return withHeader(signed, "authorization", List.of(value, value));
                        },
                        INCOMPLETE,
                        "Only one Authorization header may be sent."));
        rows.add(
                row(
                        "Credential with three elements",
                        () ->
                                withAuthorization(
                                        header(AKID + "/20261123/us-east-1", "host", ZEROS),
                                        AMZ_NOW),
                        INCOMPLETE,
                        "Credential must have exactly 5 slash-delimited elements, e.g."
                                + " keyid/date/region/service/term, got '"
                                + AKID
                                + "/20261123/us-east-1'"));
        // Scope (section 4.5, 4.9): real SDK signatures, for the wrong scope.
        rows.add(
                row(
                        "signed for another region",
                        () -> sdk(s -> s.region = "eu-west-1"),
                        INVALID,
                        "Credential should be scoped to a valid Region, not 'eu-west-1'. "));
        rows.add(
                row(
                        "signed for another service",
                        () -> sdk(s -> s.service = "lambda"),
                        INVALID,
                        "Credential should be scoped to correct service: 'execute-api'. "));
        rows.add(
                row(
                        "wrong scope terminator",
                        () -> forgeAuthorization(sdk(s -> {}), "/aws4_request", "/aws5_request"),
                        INVALID,
                        "Credential should be scoped with a valid terminator: 'aws4_request', not"
                                + " 'aws5_request'."));
        rows.add(
                row(
                        "scope date is not the request date",
                        () -> forgeAuthorization(sdk(s -> {}), "/20261123/", "/20261122/"),
                        INVALID,
                        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of"
                                + " date from HTTP: '20261122' != '20261123', from"
                                + " '20261123T120000Z'."));
        // Time window (section 4.6).
        rows.add(
                row(
                        "signed 5 min 1 s ago",
                        () -> sdk(s -> s.at = NOW.minusSeconds(301)),
                        INVALID,
                        "Signature expired: 20261123T115459Z is now earlier than 20261123T115500Z"
                                + " (20261123T120000Z - 5 min.)"));
        rows.add(
                row(
                        "signed 5 min 1 s ahead",
                        () -> sdk(s -> s.at = NOW.plusSeconds(301)),
                        INVALID,
                        "Signature not yet current: 20261123T120501Z is still later than"
                                + " 20261123T120500Z (20261123T120000Z + 5 min.)"));
        // What must be signed (section 4.4).
        rows.add(
                row(
                        "host not signed",
                        () -> withAuthorization(header(SCOPE, "x-amz-date", ZEROS), AMZ_NOW),
                        INVALID,
                        "'Host' or ':authority' must be a 'SignedHeader' in the AWS"
                                + " Authorization."));
        rows.add(
                row(
                        "UNSIGNED-PAYLOAD instead of the body hash",
                        () ->
                                sdk(
                                        s -> {
                                            s.method = SdkHttpMethod.POST;
                                            s.body = "{\"q\":1}";
                                            s.payloadSigning = false;
                                        }),
                        INVALID,
                        MISMATCH));
        rows.add(
                row(
                        "signed header left out of the request",
                        () ->
                                withHeader(
                                        sdk(s -> s.headers.put("X-Tenant", "t-1")),
                                        "x-tenant",
                                        null),
                        INVALID,
                        MISMATCH));
        // Tampering after signing, and the wrong key.
        rows.add(
                row(
                        "path changed",
                        () -> {
                            SignedRequest r = sdk(s -> {});
                            return new SignedRequest(
                                    r.method(),
                                    "/prod/stores/other",
                                    r.rawQuery(),
                                    r.headers(),
                                    r.body());
                        },
                        INVALID,
                        MISMATCH));
        rows.add(
                row(
                        "query changed",
                        () -> {
                            SignedRequest r = sdk(s -> {});
                            return new SignedRequest(
                                    r.method(), r.rawPath(), "limit=9", r.headers(), r.body());
                        },
                        INVALID,
                        MISMATCH));
        rows.add(
                row(
                        "method changed",
                        () -> {
                            SignedRequest r = sdk(s -> {});
                            return new SignedRequest(
                                    "DELETE", r.rawPath(), r.rawQuery(), r.headers(), r.body());
                        },
                        INVALID,
                        MISMATCH));
        rows.add(
                row(
                        "body changed",
                        () -> {
                            SignedRequest r =
                                    sdk(
                                            s -> {
                                                s.method = SdkHttpMethod.POST;
                                                s.body = "{\"amount\":1}";
                                            });
                            return new SignedRequest(
                                    r.method(),
                                    r.rawPath(),
                                    r.rawQuery(),
                                    r.headers(),
                                    "{\"amount\":9}".getBytes(StandardCharsets.UTF_8));
                        },
                        INVALID,
                        MISMATCH));
        rows.add(
                row(
                        "signed header value changed",
                        () -> withHeader(sdk(s -> {}), "content-type", List.of("text/plain")),
                        INVALID,
                        MISMATCH));
        rows.add(
                row(
                        "session token swapped",
                        () ->
                                withHeader(
                                        sdk(s -> s.token = "FwoGZXIvYXdzEXAMPLE"),
                                        "x-amz-security-token",
                                        List.of("FwoGZXIvYXdzOTHER")),
                        INVALID,
                        MISMATCH));
        rows.add(
                row(
                        "signature not hex",
                        () ->
                                withAuthorization(
                                        header(SCOPE, "host;x-amz-date", "z".repeat(64)), AMZ_NOW),
                        INVALID,
                        MISMATCH));
        rows.add(
                row(
                        "signature in upper-case hex",
                        () -> {
                            SignedRequest r = sdk(s -> {});
                            String value = r.header("authorization");
                            int at = value.indexOf("Signature=") + "Signature=".length();
                            return withHeader(
                                    r,
                                    "authorization",
                                    List.of(
                                            value.substring(0, at)
                                                    + value.substring(at).toUpperCase()));
                        },
                        INVALID,
                        MISMATCH));
        // Presigned URLs (section 4.2).
        for (String expires : List.of("0", "604801", "abc", "-5", "")) {
            rows.add(
                    row(
                            "presigned X-Amz-Expires=" + expires,
                            () -> withExpires(sdk(s -> s.presign = true), expires),
                            INCOMPLETE,
                            BAD_EXPIRES));
        }
        rows.add(
                row(
                        "presigned URL past its expiry",
                        () ->
                                sdk(
                                        s -> {
                                            s.presign = true;
                                            s.at = NOW.minusSeconds(601);
                                        }),
                        INVALID,
                        "Signature expired: 20261123T115959Z is now earlier than 20261123T120000Z"
                                + " (20261123T120000Z - 0 min.)"));
        rows.add(
                row(
                        "presigned without X-Amz-Credential",
                        () -> {
                            SignedRequest r = sdk(s -> s.presign = true);
                            return withQuery(
                                    r, r.rawQuery().replaceAll("X-Amz-Credential=[^&]*&?", ""));
                        },
                        INCOMPLETE,
                        "AWS query-string parameters must include 'X-Amz-Credential'."
                                + " Re-examine the query-string parameters."));
        rows.add(
                row(
                        "presigned with another algorithm",
                        () -> {
                            SignedRequest r = sdk(s -> s.presign = true);
                            return withQuery(
                                    r,
                                    r.rawQuery()
                                            .replace(
                                                    "X-Amz-Algorithm=AWS4-HMAC-SHA256",
                                                    "X-Amz-Algorithm=AWS4-HMAC-SHA1"));
                        },
                        INCOMPLETE,
                        "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\""));
        rows.add(
                row(
                        "presigned query changed",
                        () -> {
                            SignedRequest r = sdk(s -> s.presign = true);
                            return withQuery(r, r.rawQuery().replace("limit=8", "limit=800"));
                        },
                        INVALID,
                        MISMATCH));
        rows.add(
                row(
                        "both Authorization header and presigned query",
                        () -> {
                            SignedRequest presigned = sdk(s -> s.presign = true);
                            return withHeader(
                                    presigned,
                                    "authorization",
                                    List.of(sdk(s -> {}).header("authorization")));
                        },
                        INCOMPLETE,
                        "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization'"
                                + " as HTTP header."));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void refusesWithApiGatewaysAnswer(
            String name, Supplier<SignedRequest> forged, String errorType, String message) {
        SigV4Rejection rejection = check(forged.get(), SECRET);
        assertNotNull(rejection, name + " was accepted");
        assertEquals(errorType, rejection.errorType(), "x-amzn-ErrorType");
        assertEquals(message, rejection.message(), "message");
        Response response = rejection.toResponse();
        assertEquals(403, response.getStatus());
        assertEquals(errorType, response.getHeaderString(GatewayResponses.ERROR_TYPE_HEADER));
    }

    @Test
    void refusesTheWrongSecret() {
        SigV4Rejection rejection = check(sdk(s -> {}), SECRET.replace('w', 'W'));
        assertEquals(new SigV4Rejection(INVALID, MISMATCH), rejection);
    }

    @Test
    void coversAtLeastTwentyFiveForgeries() {
        assertTrue(forgeries().count() >= 25, "forgeries: " + forgeries().count());
    }

    private SigV4Rejection check(SignedRequest request, String secret) {
        SignatureParse parse = verifier.parse(request, NOW);
        return parse instanceof SignatureClaim claim
                ? verifier.verify(request, claim, secret).orElse(null)
                : (SigV4Rejection) parse;
    }

    private static Arguments row(
            String name, Supplier<SignedRequest> request, String errorType, String message) {
        return Arguments.of(name, request, errorType, message);
    }
}

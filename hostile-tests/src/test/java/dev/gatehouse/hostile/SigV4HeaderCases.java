package dev.gatehouse.hostile;

import static dev.gatehouse.hostile.Expect.ANSWERED;
import static dev.gatehouse.hostile.Expect.DENIED;
import static dev.gatehouse.hostile.Expect.REFUSED;
import static dev.gatehouse.hostile.Expect.SUCCESS;
import static dev.gatehouse.hostile.Forge.add;
import static dev.gatehouse.hostile.Forge.auth;
import static dev.gatehouse.hostile.Forge.authRegex;
import static dev.gatehouse.hostile.Forge.header;
import static dev.gatehouse.hostile.Forge.remove;
import static dev.gatehouse.hostile.Forge.target;
import static dev.gatehouse.hostile.HostileCase.row;

import java.util.List;

/**
 * SigV4 in the Authorization header (API Gateway AWS_IAM, spec 4): the genuine GET /stores that
 * admin signs with the AWS SDK, changed after signing the ways a forger would.
 */
final class SigV4HeaderCases {

    private SigV4HeaderCases() {}

    static List<HostileCase> all() {
        return HostileCase.mutating(
                "sigv4-header",
                LaunchedSuite::storesList,
                List.of(
                        row("genuine (control)", p -> p, SUCCESS),
                        row("no Authorization", remove("Authorization"), DENIED),
                        row("empty Authorization", header("Authorization", ""), DENIED),
                        row("scheme only", header("Authorization", "AWS4-HMAC-SHA256"), DENIED),
                        row(
                                "scheme lower-case",
                                authRegex("^AWS4-HMAC-SHA256", "aws4-hmac-sha256"),
                                DENIED),
                        row(
                                "algorithm SHA512",
                                authRegex("^AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512"),
                                DENIED),
                        row(
                                "SigV4a algorithm",
                                authRegex("^AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256"),
                                DENIED),
                        row("Bearer scheme", header("Authorization", "Bearer abc.def.ghi"), DENIED),
                        row(
                                "Basic scheme",
                                header("Authorization", "Basic YWRtaW46YWRtaW4="),
                                DENIED),
                        row("signature one digit off", auth(Forge::flipLast), DENIED),
                        row(
                                "signature upper-case hex",
                                auth(a -> upperAfter(a, "Signature=")),
                                DENIED),
                        row(
                                "signature truncated",
                                auth(a -> a.substring(0, a.length() - 1)),
                                DENIED),
                        row(
                                "signature all zeros",
                                authRegex("Signature=\\w+", "Signature=" + "0".repeat(64)),
                                DENIED),
                        row(
                                "signature not hex",
                                authRegex("Signature=\\w+", "Signature=" + "z".repeat(64)),
                                DENIED),
                        row(
                                "signature 6000 chars",
                                authRegex("Signature=\\w+", "Signature=" + "a".repeat(6000)),
                                REFUSED),
                        row("signature missing", authRegex(", Signature=\\w+", ""), DENIED),
                        row(
                                "signature twice",
                                auth(a -> a + ", Signature=" + "0".repeat(64)),
                                DENIED),
                        row("signature empty", authRegex("Signature=\\w+", "Signature="), DENIED),
                        row("credential missing", authRegex("Credential=[^,]+, ", ""), DENIED),
                        row(
                                "unknown access key",
                                authRegex("Credential=AKIA\\w+", "Credential=AKIAZZZZZZZZZZZZZZZZ"),
                                DENIED),
                        row(
                                "access key lower-case",
                                auth(a -> a.replace("Credential=AKIA", "Credential=akia")),
                                DENIED),
                        row(
                                "access key 2000 chars",
                                authRegex(
                                        "Credential=AKIA\\w+",
                                        "Credential=AKIA" + "A".repeat(2000)),
                                REFUSED),
                        row(
                                "access key with Redis hash tag",
                                authRegex("Credential=AKIA\\w+", "Credential=AKIA{x}ZZZZZZZZZZZZ"),
                                DENIED),
                        row(
                                "access key with glob",
                                authRegex("Credential=AKIA\\w+", "Credential=AKIA*"),
                                DENIED),
                        row(
                                "access key non-ASCII",
                                authRegex(
                                        "Credential=AKIA\\w+",
                                        "Credential=" + Forge.utf8("AKIAÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ")),
                                DENIED),
                        row("scope date yesterday", authRegex("/(\\d{8})/", "/20200101/"), DENIED),
                        row("scope date malformed", authRegex("/(\\d{8})/", "/2026-12-0/"), DENIED),
                        row(
                                "scope region eu-west-1",
                                authRegex("/us-east-1/", "/eu-west-1/"),
                                DENIED),
                        row("scope service s3", authRegex("/execute-api/", "/s3/"), DENIED),
                        row(
                                "scope service cognito-idp",
                                authRegex("/execute-api/", "/cognito-idp/"),
                                DENIED),
                        row(
                                "scope terminator wrong",
                                authRegex("aws4_request", "aws5_request"),
                                DENIED),
                        row(
                                "scope extra segment",
                                authRegex("aws4_request", "aws4_request/extra"),
                                DENIED),
                        row(
                                "scope key only",
                                authRegex("Credential=(AKIA\\w+)/[^,]+", "Credential=$1"),
                                DENIED),
                        row(
                                "scope empty parts",
                                authRegex("Credential=(AKIA\\w+)/[^,]+", "Credential=$1////"),
                                DENIED),
                        row(
                                "signed headers missing",
                                authRegex("SignedHeaders=[^,]+, ", ""),
                                DENIED),
                        row(
                                "signed headers empty",
                                authRegex("SignedHeaders=[^,]+", "SignedHeaders="),
                                DENIED),
                        row(
                                "signed headers without host",
                                authRegex("SignedHeaders=[^,]+", "SignedHeaders=x-amz-date"),
                                DENIED),
                        row(
                                "signed headers upper-case",
                                auth(
                                        a ->
                                                a.replace(
                                                        "SignedHeaders=host;x-amz-date",
                                                        "SignedHeaders=HOST;X-AMZ-DATE")),
                                ANSWERED),
                        row(
                                "signed headers unsorted",
                                authRegex(
                                        "SignedHeaders=host;x-amz-date",
                                        "SignedHeaders=x-amz-date;host"),
                                ANSWERED),
                        row(
                                "signed header not sent",
                                authRegex("SignedHeaders=([^,]+)", "SignedHeaders=$1;x-not-sent"),
                                DENIED),
                        row(
                                "signed headers 400 names",
                                authRegex(
                                        "SignedHeaders=([^,]+)",
                                        "SignedHeaders=$1" + ";x-a".repeat(400)),
                                REFUSED),
                        row(
                                "commas only",
                                header("Authorization", "AWS4-HMAC-SHA256 ,,,,,,"),
                                DENIED),
                        row("semicolon separators", auth(a -> a.replace(", ", "; ")), DENIED),
                        row("spaces around '='", auth(a -> a.replace("=", " = ")), ANSWERED),
                        row(
                                "credential twice, other key",
                                auth(
                                        a ->
                                                a
                                                        + ", Credential=AKIAZZZZZZZZZZZZZZZZ/20261203/us-east-1/execute-api/aws4_request"),
                                DENIED),
                        row("unknown parameter", auth(a -> a + ", Extra=1"), ANSWERED),
                        row("parameter without '='", auth(a -> a + ", Nonsense"), DENIED),
                        row(
                                "two Authorization headers",
                                p -> p.with("Authorization", p.header("Authorization")),
                                DENIED),
                        row(
                                "Authorization padded to 6 KB",
                                auth(a -> a + " ".repeat(6000) + "x"),
                                REFUSED),
                        row(
                                "NUL in Authorization",
                                auth(a -> a.replace("Credential", "Cred\u0000ential")),
                                REFUSED),
                        row(
                                "DEL in Authorization",
                                auth(a -> a.replace("Credential", "Cred\u007fential")),
                                REFUSED),
                        row("no X-Amz-Date", remove("X-Amz-Date"), DENIED),
                        row(
                                "X-Amz-Date malformed",
                                header("X-Amz-Date", "2026-12-03T04:00:00Z"),
                                DENIED),
                        row(
                                "X-Amz-Date year 99999",
                                header("X-Amz-Date", "999991203T040000Z"),
                                DENIED),
                        row("X-Amz-Date 20 digits", header("X-Amz-Date", "9".repeat(20)), DENIED),
                        row(
                                "X-Amz-Date twice",
                                p -> p.with("X-Amz-Date", "20200101T000000Z"),
                                DENIED),
                        row(
                                "Date instead of X-Amz-Date",
                                p ->
                                        p.without("X-Amz-Date")
                                                .with("Date", "Thu, 03 Dec 2026 04:00:00 GMT"),
                                DENIED),
                        row("Host changed", header("Host", "evil.example"), DENIED),
                        row("Host port changed", p -> p.set("Host", "127.0.0.1:1"), DENIED),
                        row("Host removed", remove("Host"), REFUSED),
                        row("Host twice", add("Host", "evil.example"), REFUSED),
                        row(
                                "path changed",
                                target(t -> t.replace("/stores", "/stores/lis-001")),
                                DENIED),
                        row(
                                "query value changed",
                                target(t -> t.replace("limit=2", "limit=3")),
                                DENIED),
                        row("query parameter added", target(t -> t + "&extra=1"), DENIED),
                        row("query removed", target(t -> t.replaceFirst("\\?.*", "")), DENIED),
                        row("method HEAD", p -> p.withMethod("HEAD"), REFUSED),
                        row("method POST", p -> p.withMethod("POST"), REFUSED),
                        row(
                                "body added after signing",
                                p -> p.withBody("{}").with("Content-Type", "application/json"),
                                REFUSED),
                        row(
                                "session token added after signing",
                                add("X-Amz-Security-Token", "FwoGZXIvYXdzEBYaDforged"),
                                DENIED),
                        row(
                                "x-amz-content-sha256 of another body",
                                add("x-amz-content-sha256", "0".repeat(64)),
                                ANSWERED)));
    }

    /** {@code value} with everything after {@code marker} upper-cased. */
    private static String upperAfter(String value, String marker) {
        int at = value.indexOf(marker) + marker.length();
        return value.substring(0, at) + value.substring(at).toUpperCase(java.util.Locale.ROOT);
    }
}

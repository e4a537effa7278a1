package dev.gatehouse.hostile;

import static dev.gatehouse.hostile.Expect.ANSWERED;
import static dev.gatehouse.hostile.Expect.DENIED;
import static dev.gatehouse.hostile.Expect.REFUSED;
import static dev.gatehouse.hostile.Expect.SUCCESS;
import static dev.gatehouse.hostile.Forge.header;
import static dev.gatehouse.hostile.HostileCase.row;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Presigned SigV4 (query-string authentication, spec 4.6): GET /stores presigned by admin with the
 * AWS SDK signer for 5 minutes, its query changed after signing.
 */
final class PresignedCases {

    private PresignedCases() {}

    static List<HostileCase> all() {
        List<HostileCase> cases =
                new ArrayList<>(
                        HostileCase.mutating(
                                "sigv4-presigned",
                                s -> presigned(s, Clock.systemUTC(), Duration.ofMinutes(5)),
                                List.of(
                                        row("genuine (control)", p -> p, SUCCESS),
                                        row(
                                                "signature one digit off",
                                                param("X-Amz-Signature", Forge::flipLast),
                                                DENIED),
                                        row("signature removed", drop("X-Amz-Signature"), DENIED),
                                        row(
                                                "signature 6000 chars",
                                                param("X-Amz-Signature", v -> "a".repeat(6000)),
                                                REFUSED),
                                        row(
                                                "signature twice",
                                                q(t -> t + "&X-Amz-Signature=" + "0".repeat(64)),
                                                ANSWERED),
                                        row("algorithm removed", drop("X-Amz-Algorithm"), DENIED),
                                        row(
                                                "algorithm SHA1",
                                                param("X-Amz-Algorithm", v -> "AWS4-HMAC-SHA1"),
                                                DENIED),
                                        row(
                                                "credential of an unknown key",
                                                param(
                                                        "X-Amz-Credential",
                                                        v ->
                                                                v.replaceFirst(
                                                                        "AKIA\\w+",
                                                                        "AKIAZZZZZZZZZZZZZZZZ")),
                                                DENIED),
                                        row(
                                                "credential region changed",
                                                param(
                                                        "X-Amz-Credential",
                                                        v -> v.replace("us-east-1", "eu-west-1")),
                                                DENIED),
                                        row("credential removed", drop("X-Amz-Credential"), DENIED),
                                        row(
                                                "credential with NUL",
                                                param("X-Amz-Credential", v -> v + "%00"),
                                                DENIED),
                                        row("expires 0", param("X-Amz-Expires", v -> "0"), DENIED),
                                        row(
                                                "expires 604801",
                                                param("X-Amz-Expires", v -> "604801"),
                                                DENIED),
                                        row(
                                                "expires -1",
                                                param("X-Amz-Expires", v -> "-1"),
                                                DENIED),
                                        row(
                                                "expires not a number",
                                                param("X-Amz-Expires", v -> "abc"),
                                                DENIED),
                                        row(
                                                "expires of 25 digits",
                                                param("X-Amz-Expires", v -> "9".repeat(25)),
                                                DENIED),
                                        row(
                                                "expires removed (SDK signed it)",
                                                drop("X-Amz-Expires"),
                                                DENIED),
                                        row(
                                                "date malformed",
                                                param("X-Amz-Date", v -> "yesterday"),
                                                DENIED),
                                        row("date removed", drop("X-Amz-Date"), DENIED),
                                        row(
                                                "signed headers without host",
                                                param("X-Amz-SignedHeaders", v -> "x-amz-date"),
                                                DENIED),
                                        row(
                                                "signed headers removed",
                                                drop("X-Amz-SignedHeaders"),
                                                DENIED),
                                        row("parameter added", q(t -> t + "&limit2=3"), DENIED),
                                        row(
                                                "names lower-cased",
                                                q(
                                                        t ->
                                                                t.replace(
                                                                        "X-Amz-Signature=",
                                                                        "x-amz-signature=")),
                                                DENIED),
                                        row(
                                                "bogus session token",
                                                q(t -> t + "&X-Amz-Security-Token=FwoGZXIvforged"),
                                                DENIED),
                                        row(
                                                "and an Authorization header",
                                                header(
                                                        "Authorization",
                                                        "AWS4-HMAC-SHA256 Credential=x"),
                                                DENIED),
                                        row("Host changed", header("Host", "evil.example"), DENIED),
                                        row(
                                                "path changed",
                                                q(t -> t.replace("/stores?", "/stores/lis-001?")),
                                                DENIED),
                                        row(
                                                "parameters reordered",
                                                q(PresignedCases::reversed),
                                                ANSWERED),
                                        row("no API key", Forge.remove("x-api-key"), DENIED))));
        cases.add(
                new HostileCase(
                        "sigv4-presigned",
                        "expired (signed 2 hours ago for 1 hour)",
                        s -> presigned(s, shifted(-7200), Duration.ofHours(1)),
                        DENIED));
        cases.add(
                new HostileCase(
                        "sigv4-presigned",
                        "dated a day ahead",
                        s -> presigned(s, shifted(86_400), Duration.ofHours(1)),
                        DENIED));
        cases.add(
                new HostileCase(
                        "sigv4-presigned",
                        "presigned by nobody",
                        s ->
                                s.presigned(
                                                s.principal("nobody").signer("execute-api"),
                                                Probe.of(s.stores, "GET", "/stores?limit=2"),
                                                Duration.ofMinutes(5))
                                        .with("x-api-key", s.apiKey("freeKey")),
                        DENIED));
        return cases;
    }

    static Probe presigned(LaunchedSuite s, Clock clock, Duration expires) {
        return s.presigned(
                        s.principal("admin").signer("execute-api").at(clock),
                        Probe.of(s.stores, "GET", "/stores?limit=2"),
                        expires)
                .with("x-api-key", s.apiKey("freeKey"));
    }

    private static Clock shifted(long seconds) {
        return Clock.fixed(Instant.now().plusSeconds(seconds), ZoneOffset.UTC);
    }

    private static UnaryOperator<Probe> q(UnaryOperator<String> change) {
        return p -> p.withTarget(change.apply(p.target()));
    }

    /** Rewrites the value of one query parameter (raw, as sent). */
    private static UnaryOperator<Probe> param(String name, UnaryOperator<String> change) {
        return q(
                t -> {
                    String[] parts = t.split("[?&]");
                    StringBuilder out = new StringBuilder(parts[0]);
                    for (int i = 1; i < parts.length; i++) {
                        String part = parts[i];
                        if (part.startsWith(name + "=")) {
                            part = name + "=" + change.apply(part.substring(name.length() + 1));
                        }
                        out.append(i == 1 ? '?' : '&').append(part);
                    }
                    return out.toString();
                });
    }

    private static UnaryOperator<Probe> drop(String name) {
        return q(t -> t.replaceAll("([?&])" + name + "=[^&]*&?", "$1").replaceAll("[&?]$", ""));
    }

    private static String reversed(String target) {
        String[] parts = target.split("\\?", 2);
        List<String> params = new ArrayList<>(List.of(parts[1].split("&")));
        java.util.Collections.reverse(params);
        return parts[0] + "?" + String.join("&", params);
    }
}

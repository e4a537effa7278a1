package dev.gatehouse.hostile;

import static dev.gatehouse.hostile.Expect.ANSWERED;
import static dev.gatehouse.hostile.Expect.DENIED;
import static dev.gatehouse.hostile.Expect.REFUSED;
import static dev.gatehouse.hostile.Expect.SUCCESS;
import static dev.gatehouse.hostile.HostileCase.row;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Cognito user pool tokens (COGNITO_USER_POOLS, spec 3): the signed-in user's genuine ID token on
 * POST /stores/search, forged every way the JWT literature lists.
 */
final class JwtCases {

    private JwtCases() {}

    static List<HostileCase> all() {
        List<HostileCase> cases =
                new ArrayList<>(
                        HostileCase.mutating(
                                "jwt",
                                s ->
                                        s.withIdToken(
                                                s.stores,
                                                "POST",
                                                "/stores/search",
                                                "{\"query\":\"nata\"}"),
                                List.of(
                                        row("genuine (control)", p -> p, SUCCESS),
                                        row("Bearer prefix", tok(t -> "Bearer " + t), ANSWERED),
                                        row("no token", Forge.remove("Authorization"), DENIED),
                                        row(
                                                "empty token",
                                                Forge.header("Authorization", ""),
                                                DENIED),
                                        row(
                                                "not a JWT",
                                                Forge.header("Authorization", "abc"),
                                                DENIED),
                                        row(
                                                "two segments",
                                                tok(t -> Jwts.part(t, 0) + "." + Jwts.part(t, 1)),
                                                DENIED),
                                        row("four segments", tok(t -> t + ".e30"), DENIED),
                                        row(
                                                "five segments (JWE shape)",
                                                tok(t -> t + ".e30.e30"),
                                                DENIED),
                                        row(
                                                "signature one char off",
                                                tok(JwtCases::signatureCharChanged),
                                                DENIED),
                                        row(
                                                "signature removed",
                                                tok(t -> t.substring(0, t.lastIndexOf('.') + 1)),
                                                DENIED),
                                        row("alg none", tok(t -> Jwts.unsigned(t, "none")), DENIED),
                                        row("alg None", tok(t -> Jwts.unsigned(t, "None")), DENIED),
                                        row(
                                                "alg RS512, signature kept",
                                                tok(
                                                        t ->
                                                                Jwts.header(
                                                                        t,
                                                                        h ->
                                                                                h.put(
                                                                                        "alg",
                                                                                        "RS512"))),
                                                DENIED),
                                        row(
                                                "alg ES256, signature kept",
                                                tok(
                                                        t ->
                                                                Jwts.header(
                                                                        t,
                                                                        h ->
                                                                                h.put(
                                                                                        "alg",
                                                                                        "ES256"))),
                                                DENIED),
                                        row(
                                                "alg HS256 keyed with the kid",
                                                tok(
                                                        t ->
                                                                Jwts.hmacSigned(
                                                                        t,
                                                                        Jwts.decode(Jwts.part(t, 0))
                                                                                .path("kid")
                                                                                .asText()
                                                                                .getBytes(
                                                                                        StandardCharsets
                                                                                                .UTF_8))),
                                                DENIED),
                                        row(
                                                "alg HS256 keyed with an empty key",
                                                tok(t -> Jwts.hmacSigned(t, new byte[1])),
                                                DENIED),
                                        row(
                                                "unknown kid",
                                                tok(
                                                        t ->
                                                                Jwts.header(
                                                                        t,
                                                                        h ->
                                                                                h.put(
                                                                                        "kid",
                                                                                        "unknown-kid-0000000000000000000000000000000"))),
                                                DENIED),
                                        row(
                                                "kid path traversal",
                                                tok(
                                                        t ->
                                                                Jwts.header(
                                                                        t,
                                                                        h ->
                                                                                h.put(
                                                                                        "kid",
                                                                                        "../../../../etc/passwd"))),
                                                DENIED),
                                        row(
                                                "kid of 4000 chars",
                                                tok(
                                                        t ->
                                                                Jwts.header(
                                                                        t,
                                                                        h ->
                                                                                h.put(
                                                                                        "kid",
                                                                                        "k"
                                                                                                .repeat(
                                                                                                        4000)))),
                                                DENIED),
                                        row(
                                                "kid with NUL and DEL",
                                                tok(
                                                        t ->
                                                                Jwts.header(
                                                                        t,
                                                                        h ->
                                                                                h.put(
                                                                                        "kid",
                                                                                        "a\u0000b\u007fc"))),
                                                DENIED),
                                        row(
                                                "kid a number",
                                                tok(t -> Jwts.header(t, h -> h.put("kid", 42))),
                                                DENIED),
                                        row(
                                                "kid removed",
                                                tok(t -> Jwts.header(t, h -> h.remove("kid"))),
                                                DENIED),
                                        row(
                                                "jku to elsewhere",
                                                tok(
                                                        t ->
                                                                Jwts.header(
                                                                        t,
                                                                        h ->
                                                                                h.put(
                                                                                        "jku",
                                                                                        "http://127.0.0.1:1/jwks.json"))),
                                                DENIED),
                                        row(
                                                "crit header",
                                                tok(
                                                        t ->
                                                                Jwts.header(
                                                                        t,
                                                                        h ->
                                                                                h.putArray("crit")
                                                                                        .add(
                                                                                                "exp"))),
                                                DENIED),
                                        row(
                                                "exp extended, signature kept",
                                                tok(
                                                        t ->
                                                                Jwts.claims(
                                                                        t,
                                                                        c ->
                                                                                c.put(
                                                                                        "exp",
                                                                                        c.path(
                                                                                                                "exp")
                                                                                                        .asLong()
                                                                                                + 86_400))),
                                                DENIED),
                                        row(
                                                "username changed, signature kept",
                                                tok(
                                                        t ->
                                                                Jwts.claims(
                                                                        t,
                                                                        c ->
                                                                                c.put(
                                                                                        "cognito:username",
                                                                                        "admin"))),
                                                DENIED),
                                        row(
                                                "signed by a stranger's key",
                                                tok(t -> Jwts.strangerSigned(t, false, c -> {})),
                                                DENIED),
                                        row(
                                                "stranger's key under the pool's kid",
                                                tok(t -> Jwts.strangerSigned(t, true, c -> {})),
                                                DENIED),
                                        row(
                                                "stranger-signed, other issuer",
                                                tok(
                                                        t ->
                                                                Jwts.strangerSigned(
                                                                        t,
                                                                        false,
                                                                        c ->
                                                                                c.put(
                                                                                        "iss",
                                                                                        "http://127.0.0.1:1/us-east-1_Evil00000"))),
                                                DENIED),
                                        row(
                                                "stranger-signed, exp 1000 digits",
                                                tok(
                                                        t ->
                                                                Jwts.strangerSigned(
                                                                        t,
                                                                        true,
                                                                        c ->
                                                                                c.put(
                                                                                        "exp",
                                                                                        new java
                                                                                                .math
                                                                                                .BigInteger(
                                                                                                Forge
                                                                                                        .digits(
                                                                                                                1000))))),
                                                DENIED),
                                        row(
                                                "whitespace inside",
                                                tok(t -> t.replaceFirst("\\.", " .")),
                                                DENIED),
                                        row(
                                                "standard base64 alphabet",
                                                tok(t -> t.replace('-', '+').replace('_', '/')),
                                                ANSWERED),
                                        row(
                                                "header not JSON",
                                                tok(
                                                        t ->
                                                                Jwts.encode("not json")
                                                                        + t.substring(
                                                                                t.indexOf('.'))),
                                                DENIED),
                                        row(
                                                "header a JSON array",
                                                tok(
                                                        t ->
                                                                Jwts.encode("[1,2]")
                                                                        + t.substring(
                                                                                t.indexOf('.'))),
                                                DENIED),
                                        row(
                                                "header nested 1500 deep",
                                                tok(
                                                        t ->
                                                                Jwts.encode(Forge.nested(1500, "1"))
                                                                        + t.substring(
                                                                                t.indexOf('.'))),
                                                DENIED),
                                        row(
                                                "claims not JSON",
                                                tok(
                                                        t ->
                                                                Jwts.part(t, 0)
                                                                        + "."
                                                                        + Jwts.encode("{")
                                                                        + "."
                                                                        + Jwts.part(t, 2)),
                                                DENIED),
                                        row(
                                                "token of 7000 chars",
                                                Forge.header("Authorization", "e".repeat(7000)),
                                                REFUSED),
                                        row(
                                                "token of 9000 chars",
                                                Forge.header("Authorization", "e".repeat(9000)),
                                                REFUSED),
                                        row(
                                                "token with a control byte",
                                                tok(t -> t.replaceFirst("\\.", ".\u0001")),
                                                REFUSED),
                                        row(
                                                "two Authorization headers",
                                                p -> p.with("Authorization", "abc"),
                                                REFUSED))));
        cases.add(
                new HostileCase(
                        "jwt",
                        "refresh token as bearer",
                        s ->
                                s.withIdToken(s.stores, "POST", "/stores/search", "{}")
                                        .set("Authorization", s.refreshToken),
                        REFUSED));
        cases.add(
                new HostileCase(
                        "jwt",
                        "access token on the orders list",
                        s ->
                                s.withIdToken(s.stores, "GET", "/orders", "")
                                        .set("Authorization", s.accessToken),
                        ANSWERED));
        cases.add(
                new HostileCase(
                        "jwt",
                        "orders list with a stranger's token",
                        s ->
                                s.withIdToken(s.stores, "GET", "/orders", "")
                                        .set(
                                                "Authorization",
                                                Jwts.strangerSigned(s.idToken, true, c -> {})),
                        DENIED));
        cases.add(
                new HostileCase(
                        "jwt",
                        "order placed with a token whose claims were changed",
                        s ->
                                s.withIdToken(s.stores, "POST", "/orders", OrderBodies.GENUINE)
                                        .set(
                                                "Authorization",
                                                Jwts.claims(s.idToken, c -> c.put("sub", "x"))),
                        DENIED));
        return cases;
    }

    private static UnaryOperator<Probe> tok(UnaryOperator<String> change) {
        return p -> p.set("Authorization", change.apply(p.header("Authorization")));
    }

    /**
     * One character in the middle of the signature changed. (The last base64url character of an
     * RS256 signature carries 4 padding bits, so changing it may not change the signature.)
     */
    private static String signatureCharChanged(String token) {
        int at = token.lastIndexOf('.') + 100;
        char c = token.charAt(at);
        return token.substring(0, at) + (c == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }
}

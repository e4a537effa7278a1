package dev.gatehouse.hostile;

import static dev.gatehouse.hostile.Expect.ANSWERED;
import static dev.gatehouse.hostile.Expect.DENIED;
import static dev.gatehouse.hostile.Expect.REFUSED;
import static dev.gatehouse.hostile.Expect.SUCCESS;
import static dev.gatehouse.hostile.Forge.add;
import static dev.gatehouse.hostile.Forge.header;
import static dev.gatehouse.hostile.Forge.remove;
import static dev.gatehouse.hostile.HostileCase.row;

import java.util.ArrayList;
import java.util.List;

/**
 * API keys (usage plans, spec 5): the genuine signed GET /stores with its x-api-key header changed;
 * and, unsigned, whether a key is valid must not be learnt before SigV4 refuses.
 */
final class ApiKeyCases {

    private ApiKeyCases() {}

    static List<HostileCase> all() {
        List<HostileCase> cases =
                new ArrayList<>(
                        HostileCase.mutating(
                                "api-key",
                                LaunchedSuite::storesList,
                                List.of(
                                        row(
                                                "header name upper-case (control)",
                                                p -> p.set("X-API-KEY", p.header("x-api-key")),
                                                SUCCESS),
                                        row("no key", remove("x-api-key"), DENIED),
                                        row("empty key", header("x-api-key", ""), DENIED),
                                        row(
                                                "unknown 40-char key",
                                                header("x-api-key", "A".repeat(40)),
                                                DENIED),
                                        row(
                                                "key one char off",
                                                p ->
                                                        p.set(
                                                                "x-api-key",
                                                                Forge.flipLast(
                                                                        p.header("x-api-key"))),
                                                DENIED),
                                        row(
                                                "key prefix",
                                                p ->
                                                        p.set(
                                                                "x-api-key",
                                                                p.header("x-api-key")
                                                                        .substring(0, 20)),
                                                DENIED),
                                        row(
                                                "key plus a suffix",
                                                p ->
                                                        p.set(
                                                                "x-api-key",
                                                                p.header("x-api-key") + "x"),
                                                DENIED),
                                        row(
                                                "key of 4000 chars",
                                                header("x-api-key", "k".repeat(4000)),
                                                DENIED),
                                        row(
                                                "key of 9000 chars",
                                                header("x-api-key", "k".repeat(9000)),
                                                REFUSED),
                                        row(
                                                "key with a Redis hash tag",
                                                header(
                                                        "x-api-key",
                                                        "{freeKey}aaaaaaaaaaaaaaaaaaaaa"),
                                                DENIED),
                                        row(
                                                "key with glob characters",
                                                header("x-api-key", "*"),
                                                DENIED),
                                        row(
                                                "key with SQL",
                                                header("x-api-key", "' OR '1'='1"),
                                                DENIED),
                                        row(
                                                "key with Lua",
                                                header(
                                                        "x-api-key",
                                                        "\"]) redis.call('FLUSHALL') --"),
                                                DENIED),
                                        row(
                                                "key non-ASCII",
                                                header(
                                                        "x-api-key",
                                                        Forge.utf8("ключключключключключключ")),
                                                DENIED),
                                        row(
                                                "key with a control byte",
                                                header("x-api-key", "abc\u0001def"),
                                                REFUSED),
                                        row(
                                                "key with DEL",
                                                header("x-api-key", "abc\u007fdef"),
                                                REFUSED),
                                        row(
                                                "two keys, the second wrong",
                                                add("x-api-key", "A".repeat(40)),
                                                ANSWERED),
                                        row(
                                                "key in the query instead",
                                                p ->
                                                        p.without("x-api-key")
                                                                .withTarget(
                                                                        p.target()
                                                                                + "&x-api-key="
                                                                                + p.header(
                                                                                        "x-api-key")),
                                                DENIED),
                                        row(
                                                "key in Authorization instead",
                                                p ->
                                                        p.without("x-api-key")
                                                                .set(
                                                                        "Authorization",
                                                                        p.header("x-api-key")),
                                                DENIED),
                                        row(
                                                "key with surrounding spaces",
                                                p ->
                                                        p.set(
                                                                "x-api-key",
                                                                "  "
                                                                        + p.header("x-api-key")
                                                                        + "  "),
                                                ANSWERED))));
        cases.add(
                new HostileCase(
                        "api-key",
                        "unsigned with a valid key",
                        s ->
                                Probe.of(s.stores, "GET", "/stores")
                                        .with("Host", "127.0.0.1:" + s.stores)
                                        .with("x-api-key", s.apiKey("freeKey")),
                        DENIED));
        cases.add(
                new HostileCase(
                        "api-key",
                        "unsigned with an unknown key",
                        s ->
                                Probe.of(s.stores, "GET", "/stores")
                                        .with("Host", "127.0.0.1:" + s.stores)
                                        .with("x-api-key", "B".repeat(40)),
                        DENIED));
        cases.add(
                new HostileCase("api-key", "the paid plan's key (control)", s -> paid(s), SUCCESS));
        return cases;
    }

    private static Probe paid(LaunchedSuite s) {
        return s.storesList().set("x-api-key", s.apiKey("paidKey"));
    }
}

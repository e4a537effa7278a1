package dev.gatehouse.hostile;

import static dev.gatehouse.hostile.Expect.ANSWERED;
import static dev.gatehouse.hostile.Expect.DENIED;
import static dev.gatehouse.hostile.Expect.REFUSED;
import static dev.gatehouse.hostile.Expect.SUCCESS;

import dev.gatehouse.testing.SigV4Signing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * SigV4 requests signed wrongly on purpose (other clocks, principals, regions, session tokens), a
 * hand-made signature without {@code host}, and signed POST bodies changed in transit.
 */
final class SigV4SignedCases {

    private SigV4SignedCases() {}

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        add(
                cases,
                "signed 4 minutes ago (control)",
                s -> stores(s, admin(s).at(shifted(-240))),
                SUCCESS);
        add(cases, "signed 10 minutes ago", s -> stores(s, admin(s).at(shifted(-600))), DENIED);
        add(cases, "signed 10 minutes ahead", s -> stores(s, admin(s).at(shifted(600))), DENIED);
        add(cases, "signed 6 days ago", s -> stores(s, admin(s).at(shifted(-6 * 86_400))), DENIED);
        add(
                cases,
                "signed in 1970",
                s -> stores(s, admin(s).at(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))),
                DENIED);
        add(
                cases,
                "signed by index-service (control)",
                s -> stores(s, s.principal("index-service").signer("execute-api")),
                SUCCESS);
        add(
                cases,
                "signed by nobody (no policy)",
                s -> stores(s, s.principal("nobody").signer("execute-api")),
                DENIED);
        add(
                cases,
                "signed by stores-service (not allowed)",
                s -> stores(s, s.principal("stores-service").signer("execute-api")),
                DENIED);
        add(cases, "signed for eu-west-1", s -> stores(s, admin(s).inRegion("eu-west-1")), DENIED);
        add(
                cases,
                "signed for apigateway",
                s -> stores(s, admin(s).forService("apigateway")),
                DENIED);
        add(
                cases,
                "signed with admin's key id and nobody's secret",
                s ->
                        stores(
                                s,
                                SigV4Signing.as(
                                        s.principal("admin").accessKeyId(),
                                        s.principal("nobody").secretAccessKey())),
                DENIED);
        add(
                cases,
                "long-term key with a session token",
                s ->
                        stores(
                                s,
                                SigV4Signing.as(
                                        s.principal("admin").accessKeyId(),
                                        s.principal("admin").secretAccessKey(),
                                        "FwoGZXIvYXdzEBYaDforgedtoken")),
                DENIED);
        add(
                cases,
                "unknown ASIA key with a session token",
                s ->
                        stores(
                                s,
                                SigV4Signing.as(
                                        "ASIAZZZZZZZZZZZZZZZZ",
                                        s.principal("admin").secretAccessKey(),
                                        "FwoGZXIvYXdzEBYaDforgedtoken")),
                DENIED);
        add(
                cases,
                "unknown ASIA key without a token",
                s ->
                        stores(
                                s,
                                SigV4Signing.as(
                                        "ASIAZZZZZZZZZZZZZZZZ",
                                        s.principal("admin").secretAccessKey())),
                DENIED);
        add(
                cases,
                "session token of 6 KB",
                s ->
                        stores(
                                s,
                                SigV4Signing.as(
                                        "ASIAZZZZZZZZZZZZZZZZ", "x".repeat(40), "A".repeat(6000))),
                REFUSED);
        add(
                cases,
                "session token with a hash tag and glob",
                s ->
                        stores(
                                s,
                                SigV4Signing.as(
                                        "ASIAZZZZZZZZZZZZZZZZ", "x".repeat(40), "{tag}*?[a]")),
                DENIED);
        add(
                cases,
                "session token with a control byte",
                s -> storesList(s).set("X-Amz-Security-Token", "abc\u0001def"),
                REFUSED);
        add(
                cases,
                "session token empty",
                s -> storesList(s).set("X-Amz-Security-Token", ""),
                ANSWERED);
        add(
                cases,
                "presigned with an unknown ASIA key and token",
                s ->
                        s.presigned(
                                        SigV4Signing.as(
                                                "ASIAZZZZZZZZZZZZZZZZ",
                                                "x".repeat(40),
                                                "FwoGZXIvYXdzEBYaDforged"),
                                        unsigned(s),
                                        Duration.ofMinutes(5))
                                .with("x-api-key", s.apiKey("freeKey")),
                DENIED);
        add(
                cases,
                "hand-signed host;x-amz-date (control)",
                s -> hand(s, true, "127.0.0.1:" + s.stores, "127.0.0.1:" + s.stores),
                SUCCESS);
        add(
                cases,
                "signed :authority instead of host",
                s -> hand(s, false, "", "127.0.0.1:" + s.stores),
                DENIED);
        add(
                cases,
                "signed :authority, Host forged",
                s -> hand(s, false, "", "evil.example"),
                DENIED);
        add(
                cases,
                "signed :authority with a value",
                s -> hand(s, false, "127.0.0.1:" + s.stores, "127.0.0.1:" + s.stores),
                DENIED);
        add(cases, "signed x-amz-date only", s -> handOnly(s), DENIED);
        add(cases, "publish event (control)", s -> publish(s, "admin"), SUCCESS);
        add(
                cases,
                "publish: body changed after signing",
                s -> publish(s, "admin").withBody(EVENT.replace("o-hostile", "o-forged")),
                DENIED);
        add(
                cases,
                "publish: body truncated",
                s -> publish(s, "admin").withBody(EVENT.substring(0, 20)),
                DENIED);
        add(
                cases,
                "publish: content type changed",
                s -> publish(s, "admin").set("Content-Type", "text/plain"),
                DENIED);
        add(
                cases,
                "publish: signed by fanout-service (denied)",
                s -> publish(s, "fanout-service"),
                DENIED);
        add(cases, "publish: signed by nobody", s -> publish(s, "nobody"), DENIED);
        add(cases, "publish: unsigned", s -> publish(s, "admin").without("Authorization"), DENIED);
        add(
                cases,
                "event id traversal",
                s -> signedGet(s, s.fanout, "/events/..%2F..%2Fetc%2Fpasswd"),
                REFUSED);
        add(
                cases,
                "event id of 2000 chars",
                s -> signedGet(s, s.fanout, "/events/" + "a".repeat(2000)),
                REFUSED);
        add(
                cases,
                "dead letter id malformed",
                s ->
                        s.signed(
                                s.principal("admin"),
                                "execute-api",
                                Probe.of(s.fanout, "POST", "/dead-letters/abc/replay")),
                REFUSED);
        add(
                cases,
                "drain signed by nobody",
                s ->
                        s.signed(
                                s.principal("nobody"),
                                "execute-api",
                                Probe.of(s.fanout, "POST", "/deliveries/drain")),
                DENIED);
        add(
                cases,
                "notification signed by nobody",
                s ->
                        s.signed(
                                s.principal("nobody"),
                                "execute-api",
                                Probe.of(s.index, "POST", "/notifications")
                                        .with("Content-Type", "application/json")
                                        .withBody("{}")),
                DENIED);
        add(
                cases,
                "notification unsigned",
                s ->
                        Probe.of(s.index, "POST", "/notifications")
                                .with("Host", "127.0.0.1:" + s.index)
                                .with("Content-Type", "application/json")
                                .withBody("{}"),
                DENIED);
        return cases;
    }

    static final String EVENT =
            "{\"type\":\"order.placed\",\"detail\":{\"orderId\":\"o-hostile\","
                    + "\"customer\":{\"email\":\"grace@example.com\"},\"total\":\"1.00\"}}";

    private static void add(
            List<HostileCase> cases, String name, Function<LaunchedSuite, Probe> probe, Expect e) {
        cases.add(new HostileCase("sigv4-signing", name, probe, e));
    }

    private static SigV4Signing admin(LaunchedSuite s) {
        return s.principal("admin").signer("execute-api");
    }

    private static Clock shifted(long seconds) {
        return Clock.fixed(Instant.now().plusSeconds(seconds), ZoneOffset.UTC);
    }

    private static Probe unsigned(LaunchedSuite s) {
        return Probe.of(s.stores, "GET", "/stores?limit=2");
    }

    private static Probe stores(LaunchedSuite s, SigV4Signing signer) {
        return s.signed(signer, unsigned(s)).with("x-api-key", s.apiKey("freeKey"));
    }

    private static Probe storesList(LaunchedSuite s) {
        return s.storesList();
    }

    private static Probe signedGet(LaunchedSuite s, int port, String target) {
        return s.signed(s.principal("admin"), "execute-api", Probe.of(port, "GET", target));
    }

    private static Probe publish(LaunchedSuite s, String principal) {
        return s.signed(
                s.principal(principal),
                "execute-api",
                Probe.of(s.fanout, "POST", "/events")
                        .with("Content-Type", "application/json")
                        .withBody(EVENT));
    }

    /** Hand-signed GET /stores?limit=2: over host (or :authority with {@code signedValue}). */
    private static Probe hand(LaunchedSuite s, boolean host, String signedValue, String sentHost) {
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put(host ? "host" : ":authority", signedValue);
        signed.put("x-amz-date", "");
        Probe probe = unsigned(s).with("Host", sentHost).with("x-api-key", s.apiKey("freeKey"));
        return HandSignature.get(probe, "/stores", "limit=2", signed, s.principal("admin"));
    }

    private static Probe handOnly(LaunchedSuite s) {
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("x-amz-date", "");
        Probe probe =
                unsigned(s)
                        .with("Host", "127.0.0.1:" + s.stores)
                        .with("x-api-key", s.apiKey("freeKey"));
        return HandSignature.get(probe, "/stores", "limit=2", signed, s.principal("admin"));
    }
}

package dev.gatehouse.hostile;

import static dev.gatehouse.hostile.Expect.ANSWERED;
import static dev.gatehouse.hostile.Expect.REFUSED;
import static dev.gatehouse.hostile.Expect.SUCCESS;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every JSON body the suite reads, each sent the same hostile documents (finding 4: Jackson's
 * stream limits), properly authenticated so that the body parser is what answers: signed with the
 * body where the route is AWS_IAM, with the user's ID token where it is COGNITO_USER_POOLS.
 */
final class JsonBodyCases {

    private JsonBodyCases() {}

    /** A hostile document: its bytes and what any of these routes must answer. */
    private record Body(byte[] bytes, Expect expect) {}

    private static final Map<String, Body> BODIES = new LinkedHashMap<>();

    static {
        put("nesting 1001 arrays", "{\"a\":" + Forge.nested(1001, "1") + "}", REFUSED);
        put("nesting 20000 arrays", Forge.nested(20_000, ""), REFUSED);
        put("nesting 1001 objects", "{\"a\":".repeat(1001) + "1" + "}".repeat(1001), REFUSED);
        put(
                "number of 1001 digits",
                "{\"limit\":" + Forge.digits(1001) + ",\"value\":" + Forge.digits(1001) + "}",
                REFUSED);
        put("number of 20000 digits", "{\"limit\":" + Forge.digits(20_000) + "}", REFUSED);
        put("exponent 1e999999", "{\"limit\":1e999999}", REFUSED);
        put("fraction of 5000 digits", "{\"limit\":0." + Forge.digits(5000) + "}", REFUSED);
        put("NaN literal", "{\"limit\":NaN}", REFUSED);
        put("duplicate member", "{\"type\":\"a\",\"type\":\"b\"}", REFUSED);
        put("trailing tokens", "{}{}", ANSWERED);
        put("top-level array", "[]", REFUSED);
        put("top-level null", "null", REFUSED);
        put("top-level number", "1", REFUSED);
        put("empty body", "", REFUSED);
        put("comment", "{/* x */}", REFUSED);
        put("single quotes", "{'a':'b'}", REFUSED);
        put("unterminated string", "{\"a\":\"b", REFUSED);
        put("name of 50000 chars", "{\"" + "n".repeat(50_000) + "\":1}", REFUSED);
        put("string of 2 MB", "{\"query\":\"" + "s".repeat(2_000_000) + "\"}", REFUSED);
        BODIES.put(
                "invalid UTF-8",
                new Body(
                        new byte[] {
                            '{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'
                        },
                        REFUSED));
        BODIES.put("UTF-16", new Body("{\"a\":1}".getBytes(StandardCharsets.UTF_16), REFUSED));
    }

    private static void put(String name, String json, Expect expect) {
        BODIES.put(name, new Body(json.getBytes(StandardCharsets.UTF_8), expect));
    }

    /** Route name, genuine body, and how to send a body there. */
    private record Route(
            String name, String genuine, BiFunction<LaunchedSuite, byte[], Probe> send) {}

    private static final List<Route> ROUTES =
            List.of(
                    new Route(
                            "POST /stores/search",
                            OrderBodies.SEARCH,
                            (s, b) ->
                                    s.withIdToken(s.stores, "POST", "/stores/search", "")
                                            .withBody(b)),
                    new Route(
                            "POST /orders",
                            OrderBodies.GENUINE,
                            (s, b) -> s.withIdToken(s.stores, "POST", "/orders", "").withBody(b)),
                    new Route(
                            "POST /events",
                            SigV4SignedCases.EVENT,
                            (s, b) -> signed(s, "admin", s.fanout, "/events", b)),
                    new Route(
                            "POST /notifications",
                            "{\"eventId\":\"e-1\",\"type\":\"order.placed\",\"detail\":{}}",
                            (s, b) ->
                                    signed(
                                            s,
                                            "fanout-service",
                                            s.index,
                                            "/notifications?channel=push",
                                            b)),
                    new Route(
                            "PATCH usage",
                            ManagementCases.PATCH_REMAINING,
                            (s, b) -> ManagementCases.patch(s, b)));

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        for (Route route : ROUTES) {
            byte[] genuine = route.genuine().getBytes(StandardCharsets.UTF_8);
            cases.add(
                    new HostileCase(
                            "json-body",
                            route.name() + ": genuine (control)",
                            s -> route.send().apply(s, genuine),
                            SUCCESS));
            for (Map.Entry<String, Body> body : BODIES.entrySet()) {
                cases.add(
                        new HostileCase(
                                "json-body",
                                route.name() + ": " + body.getKey(),
                                s -> route.send().apply(s, body.getValue().bytes()),
                                body.getValue().expect()));
            }
        }
        return cases;
    }

    private static Probe signed(LaunchedSuite s, String who, int port, String target, byte[] body) {
        return s.signed(
                s.principal(who),
                "execute-api",
                Probe.of(port, "POST", target)
                        .with("Content-Type", "application/json")
                        .withBody(body));
    }
}

package dev.gatehouse.hostile;

import static dev.gatehouse.hostile.Expect.ANSWERED;
import static dev.gatehouse.hostile.Expect.DENIED;
import static dev.gatehouse.hostile.Expect.REFUSED;
import static dev.gatehouse.hostile.Expect.SUCCESS;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The management interfaces: stores-service's API Gateway control plane on its admin port (SigV4
 * for {@code apigateway}), and what the public ports must not serve (metrics, dev tools).
 */
final class ManagementCases {

    private ManagementCases() {}

    static final String PATCH_REMAINING =
            "{\"patchOperations\":[{\"op\":\"replace\",\"path\":\"/remaining\",\"value\":\"4000\"}]}";

    static List<HostileCase> all() {
        List<HostileCase> c = new ArrayList<>();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String range = "startDate=" + today + "&endDate=" + today;
        add(
                c,
                "usage report (control)",
                s -> usage(s, "admin", "apigateway", "/usageplans/free/usage?" + range),
                SUCCESS);
        add(
                c,
                "usage report unsigned",
                s -> CognitoProtocolCases.get(s.storesAdmin, "/usageplans/free/usage?" + range),
                DENIED);
        add(
                c,
                "usage report signed by nobody",
                s -> usage(s, "nobody", "apigateway", "/usageplans/free/usage?" + range),
                DENIED);
        add(
                c,
                "usage report signed for execute-api",
                s -> usage(s, "admin", "execute-api", "/usageplans/free/usage?" + range),
                DENIED);
        add(
                c,
                "usage report signed by index-service",
                s -> usage(s, "index-service", "apigateway", "/usageplans/free/usage?" + range),
                DENIED);
        add(
                c,
                "unknown plan",
                s -> usage(s, "admin", "apigateway", "/usageplans/nosuchplan/usage?" + range),
                REFUSED);
        add(
                c,
                "plan id of 3000 chars",
                s ->
                        usage(
                                s,
                                "admin",
                                "apigateway",
                                "/usageplans/" + "p".repeat(3000) + "/usage?" + range),
                REFUSED);
        add(
                c,
                "plan id traversal",
                s ->
                        usage(
                                s,
                                "admin",
                                "apigateway",
                                "/usageplans/..%2F..%2Fq%2Fmetrics/usage?" + range),
                REFUSED);
        add(
                c,
                "startDate missing",
                s -> usage(s, "admin", "apigateway", "/usageplans/free/usage?endDate=" + today),
                REFUSED);
        add(
                c,
                "startDate malformed",
                s ->
                        usage(
                                s,
                                "admin",
                                "apigateway",
                                "/usageplans/free/usage?startDate=yesterday&endDate=" + today),
                REFUSED);
        add(
                c,
                "startDate in year 999999999",
                s ->
                        usage(
                                s,
                                "admin",
                                "apigateway",
                                "/usageplans/free/usage?startDate=%2B999999999-01-01&endDate="
                                        + today),
                REFUSED);
        add(
                c,
                "endDate before startDate",
                s ->
                        usage(
                                s,
                                "admin",
                                "apigateway",
                                "/usageplans/free/usage?startDate="
                                        + today
                                        + "&endDate=2000-01-01"),
                REFUSED);
        add(
                c,
                "ten years of days",
                s ->
                        usage(
                                s,
                                "admin",
                                "apigateway",
                                "/usageplans/free/usage?startDate=2016-01-01&endDate=" + today),
                REFUSED);
        add(
                c,
                "unknown key id",
                s ->
                        usage(
                                s,
                                "admin",
                                "apigateway",
                                "/usageplans/free/usage?" + range + "&keyId=nosuchkey"),
                REFUSED);
        add(
                c,
                "key id with control bytes",
                s ->
                        usage(
                                s,
                                "admin",
                                "apigateway",
                                "/usageplans/free/usage?" + range + "&keyId=a%00%0d%0ab"),
                REFUSED);
        add(
                c,
                "update remaining unsigned",
                s -> patch(s, PATCH_REMAINING.getBytes()).without("Authorization"),
                DENIED);
        add(
                c,
                "update remaining signed by nobody",
                s ->
                        s.signed(
                                s.principal("nobody"),
                                "apigateway",
                                patch(s, PATCH_REMAINING.getBytes())
                                        .without("Authorization")
                                        .without("X-Amz-Date")),
                DENIED);
        add(
                c,
                "update remaining of an unknown key",
                s ->
                        s.signed(
                                s.principal("admin"),
                                "apigateway",
                                Probe.of(
                                                s.storesAdmin,
                                                "PATCH",
                                                "/usageplans/free/keys/nosuchkey/usage")
                                        .with("Content-Type", "application/json")
                                        .withBody(PATCH_REMAINING)),
                REFUSED);
        add(
                c,
                "update remaining to -1",
                s -> patch(s, PATCH_REMAINING.replace("4000", "-1").getBytes()),
                REFUSED);
        add(
                c,
                "update remaining to 30 digits",
                s -> patch(s, PATCH_REMAINING.replace("4000", Forge.digits(30)).getBytes()),
                REFUSED);
        add(
                c,
                "two patch operations",
                s -> patch(s, PATCH_REMAINING.replace("[{", "[{\"op\":\"remove\"},{").getBytes()),
                REFUSED);
        add(
                c,
                "patch of another path",
                s ->
                        patch(
                                s,
                                PATCH_REMAINING
                                        .replace("/remaining", "/throttle/rateLimit")
                                        .getBytes()),
                REFUSED);
        for (String service : List.of("index", "fanout", "identity")) {
            add(
                    c,
                    "metrics on " + service + "'s public port",
                    s -> CognitoProtocolCases.get(port(s, service), "/q/metrics"),
                    REFUSED);
        }
        add(
                c,
                "metrics on stores' public port",
                s -> CognitoProtocolCases.get(s.stores, "/q/metrics"),
                REFUSED);
        add(
                c,
                "dev UI on a public port",
                s -> CognitoProtocolCases.get(s.stores, "/q/dev-ui"),
                REFUSED);
        add(
                c,
                "health on a public port",
                s -> CognitoProtocolCases.get(s.stores, "/q/health"),
                ANSWERED);
        return c;
    }

    private static int port(LaunchedSuite s, String service) {
        return switch (service) {
            case "index" -> s.index;
            case "fanout" -> s.fanout;
            default -> s.identity;
        };
    }

    private static Probe usage(LaunchedSuite s, String who, String service, String target) {
        return s.signed(s.principal(who), service, Probe.of(s.storesAdmin, "GET", target));
    }

    /** PATCH of the free key's remaining quota, signed as admin with {@code body}. */
    static Probe patch(LaunchedSuite s, byte[] body) {
        return s.signed(
                s.principal("admin"),
                "apigateway",
                Probe.of(s.storesAdmin, "PATCH", "/usageplans/free/keys/" + s.freeKeyId + "/usage")
                        .with("Content-Type", "application/json")
                        .withBody(body));
    }

    private static void add(
            List<HostileCase> cases, String name, Function<LaunchedSuite, Probe> p, Expect e) {
        cases.add(new HostileCase("management", name, p, e));
    }
}

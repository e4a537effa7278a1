package dev.gatehouse.hostile;

import static dev.gatehouse.hostile.Expect.ANSWERED;
import static dev.gatehouse.hostile.Expect.REFUSED;
import static dev.gatehouse.hostile.Expect.REFUSED_OR_CLOSED;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * HTTP/1.1 itself, below any authorizer: request targets, methods, header syntax and body framing
 * that a proxy would refuse. Each service's HTTP server must answer them, never hang or fail.
 */
final class HttpFramingCases {

    private HttpFramingCases() {}

    static List<HostileCase> all() {
        List<HostileCase> c = new ArrayList<>();
        add(
                c,
                "absolute-form target to another host",
                s -> raw(s.stores, "GET", "http://evil.example/stores"),
                REFUSED);
        add(c, "path traversal", s -> raw(s.stores, "GET", "/stores/../orders"), REFUSED);
        add(
                c,
                "encoded traversal to metrics",
                s -> raw(s.stores, "GET", "/stores/%2e%2e/q/metrics"),
                REFUSED);
        add(
                c,
                "encoded slash in the store id",
                s -> raw(s.stores, "GET", "/stores/lis-001%2F..%2F..%2Forders"),
                REFUSED);
        add(c, "NUL in the path", s -> raw(s.stores, "GET", "/stores/lis%00-001"), REFUSED);
        add(c, "bad percent-encoding", s -> raw(s.stores, "GET", "/stores/%zz"), REFUSED);
        add(
                c,
                "target of 10000 chars",
                s -> raw(s.stores, "GET", "/stores/" + "a".repeat(10_000)),
                REFUSED);
        add(
                c,
                "header of 20 KB",
                s -> raw(s.stores, "GET", "/stores").with("X-Big", "b".repeat(20_000)),
                REFUSED);
        add(c, "300 headers", s -> many(raw(s.stores, "GET", "/stores"), 300), REFUSED);
        add(c, "unknown method", s -> raw(s.stores, "FOO", "/stores"), REFUSED);
        add(c, "TRACE", s -> raw(s.stores, "TRACE", "/stores"), REFUSED);
        add(c, "CONNECT", s -> raw(s.stores, "CONNECT", "evil.example:443"), REFUSED);
        add(
                c,
                "Content-Length and Transfer-Encoding",
                s ->
                        raw(s.stores, "POST", "/orders")
                                .with("Content-Length", "5")
                                .with("Transfer-Encoding", "chunked")
                                .withBody("0\r\n\r\n"),
                REFUSED);
        add(
                c,
                "two different Content-Lengths",
                s ->
                        raw(s.stores, "POST", "/orders")
                                .with("Content-Length", "2")
                                .with("Content-Length", "3")
                                .withBody("{}"),
                REFUSED);
        add(
                c,
                "negative Content-Length",
                s -> raw(s.stores, "POST", "/orders").with("Content-Length", "-1").withBody("{}"),
                REFUSED);
        add(
                c,
                "bad chunk size",
                s ->
                        raw(s.stores, "POST", "/orders")
                                .with("Transfer-Encoding", "chunked")
                                .withBody("zz\r\n{}\r\n0\r\n\r\n"),
                REFUSED_OR_CLOSED);
        add(
                c,
                "header name with a space",
                s -> raw(s.stores, "GET", "/stores").with("X Bad", "1"),
                REFUSED);
        add(
                c,
                "header line without a colon",
                s -> raw(s.stores, "GET", "/stores").with("X-NoColon\r\nX-Other", "1"),
                REFUSED);
        add(
                c,
                "obsolete line folding",
                s -> raw(s.stores, "GET", "/stores").with("X-Folded", "a\r\n b"),
                REFUSED);
        add(
                c,
                "NUL in a header value",
                s ->
                        raw(s.identity, "POST", "/")
                                .with(
                                        "X-Amz-Target",
                                        "AWSCognitoIdentityProviderService.SignUp\u0000")
                                .withBody("{}"),
                REFUSED);
        add(
                c,
                "no Host header",
                s -> Probe.of(s.identity, "GET", "/us-east-1_x/.well-known/jwks.json"),
                REFUSED);
        add(
                c,
                "identity-service: unknown path",
                s -> raw(s.identity, "GET", "/nothing/here"),
                REFUSED);
        add(
                c,
                "index-service: page with a long query",
                s -> raw(s.index, "GET", "/?q=" + "x".repeat(6000)),
                ANSWERED);
        add(
                c,
                "index-service: notification path traversal",
                s -> raw(s.index, "POST", "/notifications/../q/metrics").withBody("{}"),
                REFUSED);
        add(
                c,
                "fanout-service: unknown method on events",
                s -> raw(s.fanout, "DELETE", "/events"),
                REFUSED);
        return c;
    }

    private static Probe raw(int port, String method, String target) {
        return Probe.of(port, method, target).with("Host", "127.0.0.1:" + port);
    }

    private static Probe many(Probe probe, int count) {
        for (int i = 0; i < count; i++) {
            probe = probe.with("X-H" + i, "v");
        }
        return probe;
    }

    private static void add(
            List<HostileCase> cases, String name, Function<LaunchedSuite, Probe> p, Expect e) {
        cases.add(new HostileCase("http", name, p, e));
    }
}

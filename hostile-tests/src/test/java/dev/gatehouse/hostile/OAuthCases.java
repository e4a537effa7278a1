package dev.gatehouse.hostile;

import static dev.gatehouse.hostile.Expect.REFUSED;
import static dev.gatehouse.hostile.Expect.SUCCESS;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The hosted UI and OAuth 2.0 endpoints of the user pool ({@code /oauth2/*}, {@code /login}), as
 * Cognito serves them. Until they land these are unknown paths (404); then the same rows hold them
 * to refusing every forgery below.
 */
final class OAuthCases {

    private OAuthCases() {}

    static List<HostileCase> all() {
        List<HostileCase> c = new ArrayList<>();
        add(
                c,
                "token: unknown grant type",
                s ->
                        form(
                                s,
                                "/oauth2/token",
                                "grant_type=password&username=a&password=b&client_id="
                                        + s.webClient),
                REFUSED);
        add(
                c,
                "token: authorization code forged",
                s ->
                        form(
                                s,
                                "/oauth2/token",
                                "grant_type=authorization_code&code=forged&client_id="
                                        + s.webClient
                                        + "&redirect_uri=http://evil.example/"),
                REFUSED);
        add(
                c,
                "token: refresh with a forged token",
                s ->
                        form(
                                s,
                                "/oauth2/token",
                                "grant_type=refresh_token&refresh_token=forged&client_id="
                                        + s.webClient),
                REFUSED);
        add(
                c,
                "token: client id with control bytes",
                s ->
                        form(
                                s,
                                "/oauth2/token",
                                "grant_type=authorization_code&code=x&client_id=a%00%0d%0ab"),
                REFUSED);
        add(
                c,
                "token: nested form keys",
                s -> form(s, "/oauth2/token", "grant_type[a][b][c]=x&" + "x=1&".repeat(2000)),
                REFUSED);
        add(
                c,
                "authorize: redirect to an unregistered host",
                s ->
                        CognitoProtocolCases.get(
                                s.identity,
                                "/oauth2/authorize?response_type=code&client_id="
                                        + s.webClient
                                        + "&redirect_uri=http://evil.example/cb"),
                REFUSED);
        add(
                c,
                "authorize: unknown client",
                s ->
                        CognitoProtocolCases.get(
                                s.identity,
                                "/oauth2/authorize?response_type=code&client_id=nosuchclient&redirect_uri=http://localhost/"),
                REFUSED);
        add(
                c,
                "authorize: response type token injection",
                s ->
                        CognitoProtocolCases.get(
                                s.identity,
                                "/oauth2/authorize?response_type=token%0d%0aSet-Cookie:x&client_id="
                                        + s.webClient),
                REFUSED);
        add(
                c,
                "userInfo with a forged token",
                s ->
                        CognitoProtocolCases.get(s.identity, "/oauth2/userInfo")
                                .with(
                                        "Authorization",
                                        "Bearer "
                                                + Jwts.strangerSigned(
                                                        s.accessToken, true, x -> {})),
                REFUSED);
        add(
                c,
                "userInfo with alg none",
                s ->
                        CognitoProtocolCases.get(s.identity, "/oauth2/userInfo")
                                .with(
                                        "Authorization",
                                        "Bearer " + Jwts.unsigned(s.accessToken, "none")),
                REFUSED);
        add(
                c,
                "revoke a forged JWT (not a refresh token)",
                s -> form(s, "/oauth2/revoke", "token=a.b.c&client_id=" + s.webClient),
                REFUSED);
        add(
                c,
                "revoke a token of characters outside the token alphabet",
                s -> form(s, "/oauth2/revoke", "token=a%20b%3C&client_id=" + s.webClient),
                REFUSED);
        add(
                c,
                "revoke an unknown refresh token (RFC 7009 section 2.2: 200, nothing revoked)",
                s -> form(s, "/oauth2/revoke", "token=forged&client_id=" + s.webClient),
                SUCCESS);
        add(
                c,
                "logout to an unregistered host",
                s ->
                        CognitoProtocolCases.get(
                                s.identity,
                                "/logout?client_id="
                                        + s.webClient
                                        + "&logout_uri=http://evil.example/"),
                REFUSED);
        return c;
    }

    private static Probe form(LaunchedSuite s, String path, String body) {
        return Probe.of(s.identity, "POST", path)
                .with("Host", "127.0.0.1:" + s.identity)
                .with("Content-Type", "application/x-www-form-urlencoded")
                .withBody(body);
    }

    private static void add(
            List<HostileCase> cases, String name, Function<LaunchedSuite, Probe> p, Expect e) {
        cases.add(new HostileCase("oauth", name, p, e));
    }
}

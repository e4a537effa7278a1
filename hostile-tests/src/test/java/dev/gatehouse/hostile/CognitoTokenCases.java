package dev.gatehouse.hostile;

import static dev.gatehouse.hostile.CognitoBodies.json;
import static dev.gatehouse.hostile.CognitoProtocolCases.get;
import static dev.gatehouse.hostile.Expect.ANSWERED;
import static dev.gatehouse.hostile.Expect.REFUSED;
import static dev.gatehouse.hostile.Expect.SUCCESS;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * identity-service's token operations with forged tokens, the Admin* operations' SigV4 and
 * authorization, and the pool's well-known documents.
 */
final class CognitoTokenCases {

    private CognitoTokenCases() {}

    static List<HostileCase> all() {
        List<HostileCase> c = new ArrayList<>();
        add(
                c,
                "GetUser with a forged access token",
                s ->
                        s.cognito(
                                "GetUser",
                                json(
                                        "AccessToken",
                                        Jwts.strangerSigned(s.accessToken, true, x -> {}))),
                REFUSED);
        add(
                c,
                "GetUser with the ID token",
                s -> s.cognito("GetUser", json("AccessToken", s.idToken)),
                REFUSED);
        add(
                c,
                "GetUser with the access token (control)",
                s -> s.cognito("GetUser", json("AccessToken", s.accessToken)),
                SUCCESS);
        add(
                c,
                "GetUser with alg none",
                s ->
                        s.cognito(
                                "GetUser",
                                json("AccessToken", Jwts.unsigned(s.accessToken, "none"))),
                REFUSED);
        add(
                c,
                "GlobalSignOut with a forged token",
                s ->
                        s.cognito(
                                "GlobalSignOut",
                                json(
                                        "AccessToken",
                                        Jwts.claims(
                                                s.accessToken, x -> x.put("username", "admin")))),
                REFUSED);
        add(
                c,
                "ChangePassword with a forged token",
                s ->
                        s.cognito(
                                "ChangePassword",
                                json(
                                        "AccessToken",
                                        Jwts.strangerSigned(s.accessToken, false, x -> {}),
                                        "PreviousPassword",
                                        "x",
                                        "ProposedPassword",
                                        "Correct-Horse-2")),
                REFUSED);
        add(
                c,
                "RevokeToken with a forged token",
                s ->
                        s.cognito(
                                "RevokeToken",
                                json(
                                        "ClientId",
                                        s.webClient,
                                        "Token",
                                        "eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIiwiYWxnIjoiUlNBLU9BRVAifQ.a.b.c.d")),
                ANSWERED);
        add(
                c,
                "RevokeToken with the ID token",
                s -> s.cognito("RevokeToken", json("ClientId", s.webClient, "Token", s.idToken)),
                REFUSED);
        add(
                c,
                "admin operation unsigned",
                s ->
                        s.cognito(
                                "AdminGetUser",
                                json("UserPoolId", s.poolId, "Username", LaunchedSuite.USER)),
                REFUSED);
        add(
                c,
                "admin operation signed by nobody",
                s ->
                        s.signed(
                                s.principal("nobody"),
                                "cognito-idp",
                                s.cognito(
                                                "AdminGetUser",
                                                json(
                                                        "UserPoolId",
                                                        s.poolId,
                                                        "Username",
                                                        LaunchedSuite.USER))
                                        .without("Host")),
                REFUSED);
        add(
                c,
                "admin operation signed for execute-api",
                s ->
                        s.signed(
                                s.principal("admin"),
                                "execute-api",
                                s.cognito(
                                                "AdminGetUser",
                                                json(
                                                        "UserPoolId",
                                                        s.poolId,
                                                        "Username",
                                                        LaunchedSuite.USER))
                                        .without("Host")),
                REFUSED);
        add(
                c,
                "admin operation, body changed after signing",
                s ->
                        s.adminCognito(
                                        "AdminGetUser",
                                        json(
                                                "UserPoolId",
                                                s.poolId,
                                                "Username",
                                                LaunchedSuite.USER))
                                .withBody(json("UserPoolId", s.poolId, "Username", "someone-else")),
                REFUSED);
        add(
                c,
                "admin operation, target changed after signing",
                s ->
                        s.adminCognito(
                                        "AdminGetUser",
                                        json(
                                                "UserPoolId",
                                                s.poolId,
                                                "Username",
                                                LaunchedSuite.USER))
                                .set(
                                        "X-Amz-Target",
                                        "AWSCognitoIdentityProviderService.AdminDeleteUser"),
                REFUSED);
        add(
                c,
                "admin operation on another pool",
                s ->
                        s.adminCognito(
                                "AdminGetUser",
                                json(
                                        "UserPoolId",
                                        "us-east-1_Other0000",
                                        "Username",
                                        LaunchedSuite.USER)),
                REFUSED);
        add(
                c,
                "AdminInitiateAuth AuthFlow with NUL",
                s ->
                        s.adminCognito(
                                "AdminInitiateAuth",
                                s.adminAuth("ADMIN_USER\u0000PASSWORD_AUTH", "x")),
                REFUSED);
        add(
                c,
                "AdminCreateUser username with DEL",
                s ->
                        s.adminCognito(
                                "AdminCreateUser",
                                json(
                                        "UserPoolId",
                                        s.poolId,
                                        "Username",
                                        "evil\u007fuser",
                                        "MessageAction",
                                        "SUPPRESS")),
                REFUSED);
        add(
                c,
                "AdminCreateUser MessageAction with FF",
                s ->
                        s.adminCognito(
                                "AdminCreateUser",
                                json(
                                        "UserPoolId",
                                        s.poolId,
                                        "Username",
                                        "evil-ff",
                                        "MessageAction",
                                        "SUP\u000cPRESS")),
                REFUSED);
        add(
                c,
                "AdminGetUser of an unknown user",
                s ->
                        s.adminCognito(
                                "AdminGetUser",
                                json("UserPoolId", s.poolId, "Username", "nobody-at-all")),
                REFUSED);
        add(
                c,
                "JWKS of an unknown pool",
                s -> get(s.identity, "/us-east-1_Unknown00/.well-known/jwks.json"),
                REFUSED);
        add(
                c,
                "JWKS path traversal",
                s -> get(s.identity, "/..%2F..%2Fetc%2Fpasswd/.well-known/jwks.json"),
                REFUSED);
        add(
                c,
                "discovery of a pool id with control bytes",
                s -> get(s.identity, "/us-east-1_%00%0d%0a/.well-known/openid-configuration"),
                REFUSED);
        add(
                c,
                "CORS preflight from anywhere",
                s ->
                        Probe.of(s.identity, "OPTIONS", "/")
                                .with("Host", "127.0.0.1:" + s.identity)
                                .with("Origin", "http://evil.example")
                                .with("Access-Control-Request-Method", "POST"),
                ANSWERED);
        return c;
    }

    private static void add(
            List<HostileCase> cases, String name, Function<LaunchedSuite, Probe> p, Expect e) {
        cases.add(new HostileCase("cognito-tokens", name, p, e));
    }
}

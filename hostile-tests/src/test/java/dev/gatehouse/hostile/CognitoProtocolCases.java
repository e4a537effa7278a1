package dev.gatehouse.hostile;

import static dev.gatehouse.hostile.CognitoBodies.json;
import static dev.gatehouse.hostile.Expect.ANSWERED;
import static dev.gatehouse.hostile.Expect.REFUSED;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * identity-service's AWS JSON 1.1 protocol itself (spec 1.1): targets, bodies that are not the JSON
 * an operation takes, forged tokens on the token operations, and the Admin* operations' SigV4.
 */
final class CognitoProtocolCases {

    private CognitoProtocolCases() {}

    static final String FORGOT_UNKNOWN_CLIENT =
            "{\"ClientId\":\"nosuchclient0000000000000000\",\"Username\":\"mallory\"}";

    static List<HostileCase> all() {
        List<HostileCase> c = new ArrayList<>();
        add(
                c,
                "ResendConfirmationCode for nobody (control)",
                s ->
                        s.cognito(
                                "ResendConfirmationCode",
                                json(
                                        "ClientId",
                                        s.webClient,
                                        "Username",
                                        "nobody-" + System.nanoTime())),
                ANSWERED);
        add(c, "unknown operation", s -> s.cognito("DeleteEverything", "{}"), REFUSED);
        add(c, "no X-Amz-Target", s -> s.cognito("SignUp", "{}").without("X-Amz-Target"), REFUSED);
        add(
                c,
                "target of another service",
                s -> s.cognito("SignUp", "{}").set("X-Amz-Target", "DynamoDB_20120810.Scan"),
                REFUSED);
        add(
                c,
                "target of 5000 chars",
                s ->
                        s.cognito("SignUp", "{}")
                                .set(
                                        "X-Amz-Target",
                                        "AWSCognitoIdentityProviderService." + "A".repeat(5000)),
                REFUSED);
        add(
                c,
                "target with a control byte",
                s ->
                        s.cognito("SignUp", "{}")
                                .set(
                                        "X-Amz-Target",
                                        "AWSCognitoIdentityProviderService.Sign\u0001Up"),
                REFUSED);
        add(
                c,
                "target with non-ASCII",
                s ->
                        s.cognito("SignUp", "{}")
                                .set(
                                        "X-Amz-Target",
                                        Forge.utf8("AWSCognitoIdentityProviderService.SignÜp")),
                REFUSED);
        add(
                c,
                "target twice",
                s ->
                        s.cognito("ForgotPassword", FORGOT_UNKNOWN_CLIENT)
                                .with("X-Amz-Target", "AWSCognitoIdentityProviderService.SignUp"),
                REFUSED);
        add(
                c,
                "content type text/plain",
                s ->
                        s.cognito("ForgotPassword", FORGOT_UNKNOWN_CLIENT)
                                .set("Content-Type", "text/plain"),
                REFUSED);
        add(c, "empty body", s -> s.cognito("ForgotPassword", ""), REFUSED);
        add(c, "body null", s -> s.cognito("ForgotPassword", "null"), REFUSED);
        add(c, "body an array", s -> s.cognito("ForgotPassword", "[]"), REFUSED);
        add(c, "body a string", s -> s.cognito("ForgotPassword", "\"x\""), REFUSED);
        add(
                c,
                "body trailing garbage",
                s -> s.cognito("ForgotPassword", FORGOT_UNKNOWN_CLIENT + "}}"),
                REFUSED);
        add(
                c,
                "duplicate members",
                s ->
                        s.cognito(
                                "ForgotPassword",
                                "{\"ClientId\":\"a\",\"ClientId\":\"b\",\"Username\":\"x\"}"),
                REFUSED);
        add(
                c,
                "nesting 1001 deep",
                s ->
                        s.cognito(
                                "InitiateAuth",
                                "{\"ClientId\":\"a\",\"AuthFlow\":\"USER_SRP_AUTH\",\"AuthParameters\":"
                                        + Forge.nested(1001, "1")
                                        + "}"),
                REFUSED);
        add(
                c,
                "nesting 30000 deep",
                s -> s.cognito("InitiateAuth", Forge.nested(30_000, "")),
                REFUSED);
        add(
                c,
                "ClientId a 1000-digit number",
                s ->
                        s.cognito(
                                "ForgotPassword",
                                "{\"ClientId\":" + Forge.digits(1000) + ",\"Username\":\"x\"}"),
                REFUSED);
        add(
                c,
                "ClientId 1e999999",
                s -> s.cognito("ForgotPassword", "{\"ClientId\":1e999999,\"Username\":\"x\"}"),
                REFUSED);
        add(
                c,
                "ClientId an object",
                s ->
                        s.cognito(
                                "ForgotPassword",
                                "{\"ClientId\":{\"$gt\":\"\"},\"Username\":\"x\"}"),
                REFUSED);
        add(
                c,
                "ClientId of 10000 chars",
                s ->
                        s.cognito(
                                "ForgotPassword",
                                json("ClientId", "c".repeat(10_000), "Username", "x")),
                REFUSED);
        add(
                c,
                "invalid UTF-8",
                s ->
                        s.cognito("ForgotPassword", "")
                                .withBody(
                                        new byte[] {
                                            '{',
                                            '"',
                                            'C',
                                            '"',
                                            ':',
                                            '"',
                                            (byte) 0xC3,
                                            (byte) 0x28,
                                            '"',
                                            '}'
                                        }),
                REFUSED);
        add(
                c,
                "UTF-16 body",
                s ->
                        s.cognito("ForgotPassword", "")
                                .withBody(FORGOT_UNKNOWN_CLIENT.getBytes(StandardCharsets.UTF_16)),
                REFUSED);
        add(
                c,
                "body over 64 KB",
                s ->
                        s.cognito(
                                "ForgotPassword",
                                json("ClientId", "x", "Username", "u".repeat(70_000))),
                REFUSED);
        add(
                c,
                "AuthParameters not an object",
                s ->
                        s.cognito(
                                "InitiateAuth",
                                "{\"ClientId\":\""
                                        + s.webClient
                                        + "\",\"AuthFlow\":\"USER_SRP_AUTH\",\"AuthParameters\":\"x\"}"),
                REFUSED);
        add(
                c,
                "USERNAME missing",
                s ->
                        s.cognito(
                                "InitiateAuth",
                                "{\"ClientId\":\""
                                        + s.webClient
                                        + "\",\"AuthFlow\":\"USER_SRP_AUTH\",\"AuthParameters\":{\"SRP_A\":\""
                                        + CognitoBodies.validA()
                                        + "\"}}"),
                REFUSED);
        add(
                c,
                "flow not enabled for the client",
                s ->
                        s.cognito(
                                "InitiateAuth",
                                "{\"ClientId\":\""
                                        + s.webClient
                                        + "\",\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"AuthParameters\":{\"USERNAME\":\""
                                        + LaunchedSuite.USER
                                        + "\",\"PASSWORD\":\""
                                        + LaunchedSuite.PASSWORD
                                        + "\"}}"),
                REFUSED);
        add(
                c,
                "forged Session of 5000 chars",
                s ->
                        s.cognito(
                                "RespondToAuthChallenge",
                                CognitoBodies.respond(s.webClient, "PASSWORD_VERIFIER")
                                        .replace(
                                                "{\"ClientId\"",
                                                "{\"Session\":\""
                                                        + "s".repeat(5000)
                                                        + "\",\"ClientId\"")),
                REFUSED);
        add(
                c,
                "password verifier without SRP step 1",
                s ->
                        s.cognito(
                                "RespondToAuthChallenge",
                                CognitoBodies.respond(s.webClient, "PASSWORD_VERIFIER")),
                REFUSED);
        return c;
    }

    static Probe get(int port, String target) {
        return Probe.of(port, "GET", target).with("Host", "127.0.0.1:" + port);
    }

    private static void add(
            List<HostileCase> cases, String name, Function<LaunchedSuite, Probe> p, Expect e) {
        cases.add(new HostileCase("cognito-protocol", name, p, e));
    }
}

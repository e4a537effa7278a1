package dev.gatehouse.hostile;

import static dev.gatehouse.hostile.CognitoBodies.initiate;
import static dev.gatehouse.hostile.CognitoBodies.json;
import static dev.gatehouse.hostile.CognitoBodies.respond;
import static dev.gatehouse.hostile.CognitoBodies.signUp;
import static dev.gatehouse.hostile.CognitoBodies.validA;
import static dev.gatehouse.hostile.Expect.ANSWERED;
import static dev.gatehouse.hostile.Expect.REFUSED;
import static dev.gatehouse.hostile.Expect.SUCCESS;

import dev.gatehouse.identity.srp.Srp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * identity-service's public JSON 1.1 operations with one member made hostile: every control
 * character a header cannot carry, in every member that an error message may echo (finding 1); and
 * every member past the bound AWS sets (finding 7).
 */
final class CognitoFieldCases {

    private CognitoFieldCases() {}

    /** Characters Vert.x refuses in a header value, and line breaks of other kinds. */
    static final Map<String, String> CONTROL =
            Map.of(
                    "NUL", "\u0000",
                    "VT", "\u000b",
                    "FF", "\u000c",
                    "DEL", "\u007f",
                    "CR LF", "\r\nX-Injected: 1",
                    "U+0085", "\u0085");

    /** Operation, member, and the call with that member set to the given value. */
    private record Field(
            String operation, String member, BiFunction<LaunchedSuite, String, String> body) {}

    private static final List<Field> ECHOED =
            List.of(
                    new Field(
                            "InitiateAuth",
                            "ClientId",
                            (s, v) -> initiate(v, "USER_SRP_AUTH", validA())),
                    new Field(
                            "InitiateAuth",
                            "AuthFlow",
                            (s, v) -> initiate(s.webClient, v, validA())),
                    new Field(
                            "RespondToAuthChallenge",
                            "ChallengeName",
                            (s, v) -> respond(s.webClient, v)),
                    new Field(
                            "RespondToAuthChallenge",
                            "ClientId",
                            (s, v) -> respond(v, "PASSWORD_VERIFIER")),
                    new Field(
                            "RevokeToken",
                            "ClientId",
                            (s, v) -> json("ClientId", v, "Token", "eyJjdHkiOiJKV1QifQ.x.y")),
                    new Field(
                            "SignUp",
                            "ClientId",
                            (s, v) -> signUp(v, "mallory", "Correct-Horse-1", "m@example.com")),
                    new Field(
                            "ForgotPassword",
                            "ClientId",
                            (s, v) -> json("ClientId", v, "Username", "mallory")),
                    new Field(
                            "ConfirmSignUp",
                            "ClientId",
                            (s, v) ->
                                    json(
                                            "ClientId",
                                            v,
                                            "Username",
                                            "mallory",
                                            "ConfirmationCode",
                                            "123456")));

    static List<HostileCase> all() {
        List<HostileCase> cases = new ArrayList<>();
        for (Field field : ECHOED) {
            for (Map.Entry<String, String> c : CONTROL.entrySet()) {
                cases.add(
                        new HostileCase(
                                "cognito-echo",
                                field.operation() + " " + field.member() + " with " + c.getKey(),
                                s ->
                                        s.cognito(
                                                field.operation(),
                                                field.body()
                                                        .apply(s, "abc" + c.getValue() + "def")),
                                REFUSED));
            }
        }
        add(
                cases,
                "SRP step 1 genuine (control)",
                s -> s.cognito("InitiateAuth", initiate(s.webClient, "USER_SRP_AUTH", validA())),
                SUCCESS);
        add(
                cases,
                "SRP_A of 60000 hex digits",
                s ->
                        s.cognito(
                                "InitiateAuth",
                                initiate(s.webClient, "USER_SRP_AUTH", "f".repeat(60_000))),
                REFUSED);
        add(
                cases,
                "SRP_A of 2000 hex digits",
                s ->
                        s.cognito(
                                "InitiateAuth",
                                initiate(s.webClient, "USER_SRP_AUTH", "f".repeat(2000))),
                REFUSED);
        add(
                cases,
                "SRP_A zero",
                s -> s.cognito("InitiateAuth", initiate(s.webClient, "USER_SRP_AUTH", "0")),
                REFUSED);
        add(
                cases,
                "SRP_A equal to N",
                s ->
                        s.cognito(
                                "InitiateAuth",
                                initiate(s.webClient, "USER_SRP_AUTH", Srp.N.toString(16))),
                REFUSED);
        add(
                cases,
                "SRP_A twice N",
                s ->
                        s.cognito(
                                "InitiateAuth",
                                initiate(
                                        s.webClient,
                                        "USER_SRP_AUTH",
                                        Srp.N.shiftLeft(1).toString(16))),
                REFUSED);
        add(
                cases,
                "SRP_A not hex",
                s -> s.cognito("InitiateAuth", initiate(s.webClient, "USER_SRP_AUTH", "zz")),
                REFUSED);
        add(
                cases,
                "SRP_A negative",
                s ->
                        s.cognito(
                                "InitiateAuth",
                                initiate(s.webClient, "USER_SRP_AUTH", "-" + validA())),
                REFUSED);
        add(
                cases,
                "SRP_A empty",
                s -> s.cognito("InitiateAuth", initiate(s.webClient, "USER_SRP_AUTH", "")),
                REFUSED);
        add(
                cases,
                "SignUp attribute value of 60 KB",
                s ->
                        s.cognito(
                                "SignUp",
                                signUp(
                                                s.webClient,
                                                "big-" + System.nanoTime(),
                                                "Correct-Horse-1",
                                                "b@example.com")
                                        .replace(
                                                "\"Value\":\"Ada\"",
                                                "\"Value\":\"" + "a".repeat(60_000) + "\"")),
                REFUSED);
        add(
                cases,
                "SignUp attribute value of 2049 chars",
                s ->
                        s.cognito(
                                "SignUp",
                                signUp(
                                                s.webClient,
                                                "big2-" + System.nanoTime(),
                                                "Correct-Horse-1",
                                                "b2@example.com")
                                        .replace(
                                                "\"Value\":\"Ada\"",
                                                "\"Value\":\"" + "a".repeat(2049) + "\"")),
                REFUSED);
        add(
                cases,
                "SignUp unknown attribute",
                s ->
                        s.cognito(
                                "SignUp",
                                signUp(s.webClient, "mallory2", "Correct-Horse-1", "m2@example.com")
                                        .replace("given_name", "custom:evil")),
                REFUSED);
        add(
                cases,
                "SignUp 300 attributes",
                s ->
                        s.cognito(
                                "SignUp",
                                signUp(s.webClient, "mallory3", "Correct-Horse-1", "m3@example.com")
                                        .replace(
                                                "[",
                                                "["
                                                        + "{\"Name\":\"given_name\",\"Value\":\"x\"},"
                                                                .repeat(300))),
                ANSWERED);
        add(
                cases,
                "SignUp username of 129 chars",
                s ->
                        s.cognito(
                                "SignUp",
                                signUp(
                                        s.webClient,
                                        "u".repeat(129),
                                        "Correct-Horse-1",
                                        "m4@example.com")),
                REFUSED);
        add(
                cases,
                "SignUp username with NUL",
                s ->
                        s.cognito(
                                "SignUp",
                                signUp(
                                        s.webClient,
                                        "mal\u0000lory",
                                        "Correct-Horse-1",
                                        "m5@example.com")),
                REFUSED);
        add(
                cases,
                "SignUp username with spaces",
                s ->
                        s.cognito(
                                "SignUp",
                                signUp(
                                        s.webClient,
                                        "mal lory",
                                        "Correct-Horse-1",
                                        "m6@example.com")),
                REFUSED);
        add(
                cases,
                "SignUp password of 257 chars",
                s ->
                        s.cognito(
                                "SignUp",
                                signUp(
                                        s.webClient,
                                        "mallory7",
                                        "Aa1-" + "x".repeat(253),
                                        "m7@example.com")),
                REFUSED);
        add(
                cases,
                "SignUp email of 300 chars",
                s ->
                        s.cognito(
                                "SignUp",
                                signUp(
                                        s.webClient,
                                        "mallory8",
                                        "Correct-Horse-1",
                                        "m".repeat(300) + "@example.com")),
                ANSWERED);
        add(
                cases,
                "ConfirmSignUp code of 1000 chars",
                s ->
                        s.cognito(
                                "ConfirmSignUp",
                                json(
                                        "ClientId",
                                        s.webClient,
                                        "Username",
                                        "mallory",
                                        "ConfirmationCode",
                                        "1".repeat(1000))),
                REFUSED);
        add(
                cases,
                "ConfirmForgotPassword password of 300 chars",
                s ->
                        s.cognito(
                                "ConfirmForgotPassword",
                                json(
                                        "ClientId",
                                        s.webClient,
                                        "Username",
                                        LaunchedSuite.USER,
                                        "ConfirmationCode",
                                        "123456",
                                        "Password",
                                        "Aa1-" + "x".repeat(296))),
                REFUSED);
        return cases;
    }

    private static void add(
            List<HostileCase> cases,
            String name,
            java.util.function.Function<LaunchedSuite, Probe> probe,
            Expect expect) {
        cases.add(new HostileCase("cognito-bounds", name, probe, expect));
    }
}

package dev.gatehouse.hostile;

import static dev.gatehouse.hostile.CognitoBodies.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What an unauthenticated caller sees for a real user and for an unknown name of the same length,
 * under PreventUserExistenceErrors=ENABLED (the web client): every visible part of the answer,
 * reduced to what may differ by design (masked letters, random values), must be the same.
 */
final class UserEnumeration {

    /** Unknown names as long as the real user's, so lengths tell nothing either. */
    static final String UNKNOWN = "hostile-nobod";

    private final LaunchedSuite s;

    UserEnumeration(LaunchedSuite suite) {
        this.s = suite;
    }

    /** Status, error type and message: what an error answer shows. */
    static String outcome(Answer a) {
        String message = "";
        try {
            message = LaunchedSuite.JSON.readTree(a.body()).path("message").asText("");
        } catch (IOException e) {
            message = "(not JSON)";
        }
        return a.status() + " " + a.header("x-amzn-errortype") + " " + message;
    }

    /** ConfirmForgotPassword with no code pending. */
    String confirmForgotPassword(String name) {
        return outcome(
                s.send(
                        s.cognito(
                                "ConfirmForgotPassword",
                                json(
                                        "ClientId",
                                        s.webClient,
                                        "Username",
                                        name,
                                        "ConfirmationCode",
                                        "123456",
                                        "Password",
                                        "Another-Horse-2"))));
    }

    /** ForgotPassword: the outcome and the delivery's medium, attribute and masked destination. */
    String forgotPassword(String name) throws IOException {
        Answer a =
                s.send(
                        s.cognito(
                                "ForgotPassword", json("ClientId", s.webClient, "Username", name)));
        if (a.status() != 200) {
            return outcome(a);
        }
        JsonNode d = LaunchedSuite.JSON.readTree(a.body()).path("CodeDeliveryDetails");
        return "200 "
                + d.path("DeliveryMedium").asText()
                + " "
                + d.path("AttributeName").asText()
                + " "
                + d.path("Destination").asText();
    }

    /** A masked destination with its letters blanked: {@code a***@b***} -> {@code ?***@?***}. */
    static String maskShape(String forgot) {
        return forgot.replaceAll("[^*@ ](?=\\*)", "?");
    }

    /**
     * SRP step 1: the challenge's shape (names, lengths) and whether USER_ID_FOR_SRP is the name.
     */
    String srpStep1(String name) throws IOException {
        Answer a = s.send(s.cognito("InitiateAuth", srpInit(name)));
        if (a.status() != 200) {
            return outcome(a);
        }
        JsonNode body = LaunchedSuite.JSON.readTree(a.body());
        JsonNode p = body.path("ChallengeParameters");
        TreeSet<String> names = new TreeSet<>();
        p.fieldNames().forEachRemaining(names::add);
        return "200 "
                + body.path("ChallengeName").asText()
                + " "
                + names
                + " USER_ID_FOR_SRP=name:"
                + p.path("USER_ID_FOR_SRP").asText().equals(name)
                + " SALT hex:"
                + p.path("SALT").asText().matches("[0-9a-f]{1,64}")
                // B is random below the 3,072-bit N, written without leading zeros as Cognito
                // does: its exact length varies from call to call for every user alike.
                + " SRP_B hex:"
                + p.path("SRP_B").asText().matches("[1-9a-f][0-9a-f]{700,767}")
                + " SECRET_BLOCK:"
                + p.path("SECRET_BLOCK").asText().length() / 16
                + " Session:"
                + body.has("Session");
    }

    /** SRP step 2 with a wrong proof, {@code times} times in a row: the outcomes in order. */
    List<String> wrongProofs(String name, int times) throws IOException {
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            Answer first = s.send(s.cognito("InitiateAuth", srpInit(name)));
            if (first.status() != 200) {
                outcomes.add("step 1: " + outcome(first));
                continue;
            }
            JsonNode challenge = LaunchedSuite.JSON.readTree(first.body());
            ObjectNode respond = LaunchedSuite.JSON.createObjectNode();
            respond.put("ClientId", s.webClient).put("ChallengeName", "PASSWORD_VERIFIER");
            if (challenge.has("Session")) {
                respond.put("Session", challenge.path("Session").asText());
            }
            JsonNode p = challenge.path("ChallengeParameters");
            byte[] proof = new byte[32];
            new SecureRandom().nextBytes(proof);
            respond.putObject("ChallengeResponses")
                    .put("USERNAME", p.path("USER_ID_FOR_SRP").asText())
                    .put("PASSWORD_CLAIM_SECRET_BLOCK", p.path("SECRET_BLOCK").asText())
                    .put("PASSWORD_CLAIM_SIGNATURE", Base64.getEncoder().encodeToString(proof))
                    .put(
                            "TIMESTAMP",
                            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy", Locale.US)
                                    .format(ZonedDateTime.now(ZoneOffset.UTC)));
            outcomes.add(outcome(s.send(s.cognito("RespondToAuthChallenge", respond.toString()))));
        }
        return outcomes;
    }

    private String srpInit(String name) {
        ObjectNode node = LaunchedSuite.JSON.createObjectNode();
        node.put("ClientId", s.webClient).put("AuthFlow", "USER_SRP_AUTH");
        node.putObject("AuthParameters").put("USERNAME", name).put("SRP_A", CognitoBodies.validA());
        return node.toString();
    }
}

package dev.gatehouse.hostile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.identity.srp.Srp;
import java.math.BigInteger;
import java.security.SecureRandom;

/** Genuine bodies of the user pool operations, as the AWS SDKs write them. */
final class CognitoBodies {

    private CognitoBodies() {}

    /** A well-formed SRP_A (g^a mod N) as amazon-cognito-identity-js sends it. */
    static String validA() {
        return Srp.G.modPow(new BigInteger(256, new SecureRandom()), Srp.N).toString(16);
    }

    static String json(String... pairs) {
        ObjectNode node = LaunchedSuite.JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.put(pairs[i], pairs[i + 1]);
        }
        return node.toString();
    }

    static String initiate(String client, String flow, String srpA) {
        ObjectNode node = LaunchedSuite.JSON.createObjectNode();
        node.put("ClientId", client).put("AuthFlow", flow);
        node.putObject("AuthParameters").put("USERNAME", LaunchedSuite.USER).put("SRP_A", srpA);
        return node.toString();
    }

    static String respond(String client, String challenge) {
        ObjectNode node = LaunchedSuite.JSON.createObjectNode();
        node.put("ClientId", client).put("ChallengeName", challenge);
        node.putObject("ChallengeResponses")
                .put("USERNAME", LaunchedSuite.USER)
                .put("PASSWORD_CLAIM_SECRET_BLOCK", "AAAA")
                .put("PASSWORD_CLAIM_SIGNATURE", "AAAA")
                .put("TIMESTAMP", "Thu Dec 3 04:00:00 UTC 2026");
        return node.toString();
    }

    static String signUp(String client, String username, String password, String email) {
        ObjectNode node = LaunchedSuite.JSON.createObjectNode();
        node.put("ClientId", client).put("Username", username).put("Password", password);
        var attributes = node.putArray("UserAttributes");
        attributes.addObject().put("Name", "email").put("Value", email);
        attributes.addObject().put("Name", "given_name").put("Value", "Ada");
        attributes.addObject().put("Name", "family_name").put("Value", "Lovelace");
        return node.toString();
    }
}

package dev.gatehouse.auth.iam.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Requests and one-statement policies for the policy tests. */
final class PolicyFixtures {

    static final String INVOKE = "execute-api:Invoke";
    static final String ACCOUNT_ARN = "arn:aws:execute-api:us-east-1:123456789012:";
    static final String STORE_42 = ACCOUNT_ARN + "a1b2c3d4e5/prod/GET/stores/42";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();

    private PolicyFixtures() {}

    static PolicyDocument policy(String json) {
        try {
            return PolicyDocument.parse(json);
        } catch (InvalidPolicyException e) {
            throw new AssertionError("fixture policy rejected: " + e.getMessage(), e);
        }
    }

    /** An Allow of execute-api:Invoke on everything, under one condition operator and key. */
    static String conditionPolicy(String operator, String key, List<String> values) {
        try {
            String valueJson =
                    values.size() == 1
                            ? JSON.writeValueAsString(values.get(0))
                            : JSON.writeValueAsString(values);
            return """
            {"Version": "2012-10-17",
             "Statement": {"Effect": "Allow", "Action": "execute-api:Invoke",
                           "Resource": "*",
                           "Condition": {%s: {%s: %s}}}}\
            """
                    .formatted(
                            JSON.writeValueAsString(operator),
                            JSON.writeValueAsString(key),
                            valueJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** Whether the single-condition policy allows Invoke on store 42 with this context. */
    static boolean conditionHolds(
            String operator, String key, List<String> values, Map<String, List<String>> context) {
        PolicyDocument policy = policy(conditionPolicy(operator, key, values));
        return decide(List.of(policy), request(INVOKE, STORE_42, context)) == PolicyDecision.ALLOW;
    }

    static PolicyDecision decide(List<PolicyDocument> policies, AuthorizationRequest request) {
        return EVALUATOR.evaluate(policies, request);
    }

    static AuthorizationRequest request(
            String action, String resource, Map<String, List<String>> context) {
        return new AuthorizationRequest(action, resource, context);
    }

    /** {@code context("aws:username", "alice", "aws:SourceIp", "10.0.0.1")}. */
    static Map<String, List<String>> context(String... keysAndValues) {
        Map<String, List<String>> context = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            context.put(keysAndValues[i], List.of(keysAndValues[i + 1]));
        }
        return context;
    }

    /** A multivalued key, {@code multi("aws:TagKeys", "a", "b")}. */
    static Map<String, List<String>> multi(String key, String... values) {
        return Map.of(key, Arrays.asList(values));
    }
}

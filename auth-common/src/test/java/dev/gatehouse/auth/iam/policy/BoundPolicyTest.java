package dev.gatehouse.auth.iam.policy;

import static dev.gatehouse.auth.iam.policy.PolicyFixtures.ACCOUNT_ARN;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.INVOKE;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.decide;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.policy;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A policy bound to a caller's fixed context ({@link PolicyDocument#boundTo}) decides exactly as
 * the policy itself with that context, for every resource; it differs per caller, and needs no
 * context only when everything it read was fixed.
 */
class BoundPolicyTest {

    static final String PROFILES = ACCOUNT_ARN + "a1b2c3d4e5/prod/GET/profiles/";
    static final String SUB = "cognito-identity.amazonaws.com:sub";
    static final String ALICE = "us-east-1:7e3b1a2c-0000-4000-8000-1234567890ab";
    static final String BOB = "us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    static PolicyDocument profilesOf(String resource, String extra) {
        return policy(
                """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke",
                                "Resource": "%s"}%s]}\
                """
                        .formatted(resource, extra));
    }

    static Map<String, List<String>> fixed(String... keysAndValues) {
        Map<String, List<String>> context = PolicyFixtures.context(keysAndValues);
        return RequestContext.normalized(context);
    }

    static PolicyDecision invoke(
            PolicyDocument policy, String resource, Map<String, List<String>> f) {
        RequestContext context =
                RequestContext.of(
                        f, Instant.parse("2026-12-03T10:00:00Z"), "10.0.0.1", true, "ua", null);
        return decide(List.of(policy), request(INVOKE, resource, context));
    }

    @Test
    void aBoundPolicyDecidesAsTheOriginalForEveryResource() {
        PolicyDocument original = profilesOf(PROFILES + "${" + SUB + "}/*", "");
        for (String caller : List.of(ALICE, BOB, "*", "")) {
            Map<String, List<String>> f = fixed(SUB, caller);
            PolicyDocument bound = original.boundTo(f);
            for (String resource :
                    List.of(
                            PROFILES + ALICE + "/x",
                            PROFILES + BOB + "/x",
                            PROFILES + "*/x",
                            PROFILES + "/x",
                            PROFILES + ALICE)) {
                assertEquals(
                        invoke(original, resource, f),
                        invoke(bound, resource, f),
                        caller + " " + resource);
            }
        }
    }

    @Test
    void aPolicyBoundForOneIdentityDoesNotAllowAnothersResource() {
        PolicyDocument original = profilesOf(PROFILES + "${" + SUB + "}", "");
        PolicyDocument forAlice = original.boundTo(fixed(SUB, ALICE));
        PolicyDocument forBob = original.boundTo(fixed(SUB, BOB));

        assertFalse(forAlice.readsContext());
        assertEquals(PolicyDecision.ALLOW, invoke(forAlice, PROFILES + ALICE, Map.of()));
        assertEquals(PolicyDecision.IMPLICIT_DENY, invoke(forAlice, PROFILES + BOB, Map.of()));
        assertEquals(PolicyDecision.ALLOW, invoke(forBob, PROFILES + BOB, Map.of()));
        assertEquals(PolicyDecision.IMPLICIT_DENY, invoke(forBob, PROFILES + ALICE, Map.of()));
    }

    @Test
    void variablesTheFixedContextDoesNotAnswerStayVariables() {
        PolicyDocument original = profilesOf(PROFILES + "${aws:SourceIp}/${" + SUB + "}", "");
        PolicyDocument bound = original.boundTo(fixed(SUB, ALICE));

        assertTrue(bound.readsContext());
        assertEquals(PolicyDecision.ALLOW, invoke(bound, PROFILES + "10.0.0.1/" + ALICE, Map.of()));
        assertEquals(
                PolicyDecision.IMPLICIT_DENY,
                invoke(bound, PROFILES + "10.0.0.2/" + ALICE, Map.of()));
    }

    @Test
    void aMultivaluedKeyIsNotBoundAndStillResolvesToNothing() {
        PolicyDocument original = profilesOf(PROFILES + "${aws:TagKeys}", "");
        Map<String, List<String>> f =
                RequestContext.normalized(Map.of("aws:TagKeys", List.of("a", "b")));
        PolicyDocument bound = original.boundTo(f);

        assertSame(original, bound);
        assertEquals(PolicyDecision.IMPLICIT_DENY, invoke(bound, PROFILES + "a", f));
    }

    @Test
    void conditionsAreKeptAndStillReadTheRequest() {
        PolicyDocument original =
                profilesOf(
                        PROFILES + "${" + SUB + "}",
                        """
                        , {"Effect": "Deny", "Action": "execute-api:Invoke", "Resource": "*",
                           "Condition": {"Bool": {"aws:SecureTransport": "false"}}}\
                        """);
        Map<String, List<String>> f = fixed(SUB, ALICE);
        PolicyDocument bound = original.boundTo(f);

        assertTrue(bound.readsContext());
        RequestContext plain =
                RequestContext.of(
                        f, Instant.parse("2026-12-03T10:00:00Z"), "10.0.0.1", false, null, null);
        assertEquals(
                PolicyDecision.EXPLICIT_DENY,
                decide(List.of(bound), request(INVOKE, PROFILES + ALICE, plain)));
        assertEquals(PolicyDecision.ALLOW, invoke(bound, PROFILES + ALICE, f));
    }

    @Test
    void aPolicyWithoutVariablesIsReturnedAsItIs() {
        PolicyDocument original = profilesOf(PROFILES + "*", "");
        assertSame(original, original.boundTo(fixed(SUB, ALICE)));
    }
}

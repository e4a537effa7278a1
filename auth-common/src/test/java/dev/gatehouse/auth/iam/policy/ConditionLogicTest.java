package dev.gatehouse.auth.iam.policy;

import static dev.gatehouse.auth.iam.policy.PolicyFixtures.INVOKE;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.STORE_42;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.conditionHolds;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.context;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.decide;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.multi;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.policy;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How conditions combine: Null, AND across operators and keys, set qualifiers, key case. */
class ConditionLogicTest {

    static final List<String> TRUE = List.of("true");
    static final List<String> FALSE = List.of("false");

    @Test
    void nullTrueMatchesOnlyAnAbsentKey() {
        assertTrue(conditionHolds("Null", "aws:tokenissuetime", TRUE, Map.of()));
        assertFalse(
                conditionHolds(
                        "Null",
                        "aws:tokenissuetime",
                        TRUE,
                        context("aws:tokenissuetime", "2026-01-01T00:00:00Z")));
    }

    @Test
    void nullFalseMatchesOnlyAPresentKey() {
        assertTrue(
                conditionHolds(
                        "Null", "aws:tokenissuetime", FALSE, context("aws:TokenIssueTime", "x")));
        assertFalse(conditionHolds("Null", "aws:tokenissuetime", FALSE, Map.of()));
    }

    @Test
    void anEmptyValueListCountsAsAnAbsentKey() {
        Map<String, List<String>> empty = Map.of("aws:username", List.of());

        assertTrue(conditionHolds("Null", "aws:username", TRUE, empty));
        assertFalse(conditionHolds("StringLike", "aws:username", List.of("*"), empty));
    }

    @Test
    void everyOperatorAndEveryKeyMustHold() {
        PolicyDocument policy =
                policy(
                        """
                        {"Version": "2012-10-17",
                         "Statement": {"Effect": "Allow", "Action": "execute-api:Invoke",
                           "Resource": "*",
                           "Condition": {
                             "IpAddress": {"aws:SourceIp": "10.0.0.0/8"},
                             "StringEquals": {"aws:username": "alice",
                                              "aws:PrincipalTag/team": ["stores", "ops"]}}}}\
                        """);
        Map<String, List<String>> all =
                context(
                        "aws:SourceIp", "10.1.2.3",
                        "aws:username", "alice",
                        "aws:PrincipalTag/team", "ops");

        assertEquals(PolicyDecision.ALLOW, decide(List.of(policy), request(INVOKE, STORE_42, all)));
        for (String missing : all.keySet()) {
            Map<String, List<String>> partial = new java.util.HashMap<>(all);
            partial.remove(missing);
            assertEquals(
                    PolicyDecision.IMPLICIT_DENY,
                    decide(List.of(policy), request(INVOKE, STORE_42, partial)),
                    "without " + missing);
        }
        Map<String, List<String>> wrongTeam = new java.util.HashMap<>(all);
        wrongTeam.put("aws:PrincipalTag/team", List.of("billing"));
        assertEquals(
                PolicyDecision.IMPLICIT_DENY,
                decide(List.of(policy), request(INVOKE, STORE_42, wrongTeam)));
    }

    @Test
    void conditionKeyNamesIgnoreCaseOnBothSides() {
        assertTrue(
                conditionHolds(
                        "IpAddress",
                        "AWS:SourceIP",
                        List.of("10.0.0.0/8"),
                        context("aws:sourceip", "10.0.0.1")));
        assertTrue(
                conditionHolds(
                        "StringEquals",
                        "aws:principaltag/Team",
                        List.of("ops"),
                        context("aws:PrincipalTag/TEAM", "ops")));
    }

    @Test
    void withoutAQualifierAMultivaluedKeyMatchesWhenAnyValueMatches() {
        Map<String, List<String>> tags = multi("aws:TagKeys", "env", "owner");

        assertTrue(conditionHolds("StringEquals", "aws:TagKeys", List.of("owner"), tags));
        assertFalse(conditionHolds("StringEquals", "aws:TagKeys", List.of("cost"), tags));
        // Negated: no request value may match any policy value.
        assertFalse(conditionHolds("StringNotEquals", "aws:TagKeys", List.of("owner"), tags));
        assertTrue(conditionHolds("StringNotEquals", "aws:TagKeys", List.of("cost"), tags));
    }

    @Test
    void forAnyValueNeedsOneRequestValueToMatch() {
        Map<String, List<String>> tags = multi("aws:TagKeys", "env", "owner");

        assertTrue(conditionHolds("ForAnyValue:StringEquals", "aws:TagKeys", List.of("env"), tags));
        assertFalse(
                conditionHolds("ForAnyValue:StringEquals", "aws:TagKeys", List.of("cost"), tags));
        assertFalse(
                conditionHolds(
                        "ForAnyValue:StringEquals", "aws:TagKeys", List.of("env"), Map.of()));
        assertTrue(
                conditionHolds(
                        "ForAnyValue:StringEqualsIfExists", "aws:TagKeys", List.of("x"), Map.of()));
    }

    @Test
    void forAnyValueWithANegatedOperatorNeedsOneRequestValueOutsideThePolicyValues() {
        Map<String, List<String>> tags = multi("aws:TagKeys", "env", "owner");

        assertTrue(
                conditionHolds("ForAnyValue:StringNotEquals", "aws:TagKeys", List.of("env"), tags));
        assertFalse(
                conditionHolds(
                        "ForAnyValue:StringNotEquals",
                        "aws:TagKeys",
                        List.of("env", "owner"),
                        tags));
        assertFalse(
                conditionHolds(
                        "ForAnyValue:StringNotEquals", "aws:TagKeys", List.of("env"), Map.of()));
    }

    @Test
    void forAllValuesNeedsEveryRequestValueToMatchAndHoldsWhenTheKeyIsAbsent() {
        List<String> allowed = List.of("env", "owner", "cost*");

        assertTrue(
                conditionHolds(
                        "ForAllValues:StringLike",
                        "aws:TagKeys",
                        allowed,
                        multi("aws:TagKeys", "env", "costcentre")));
        assertFalse(
                conditionHolds(
                        "ForAllValues:StringLike",
                        "aws:TagKeys",
                        allowed,
                        multi("aws:TagKeys", "env", "secret")));
        assertTrue(conditionHolds("ForAllValues:StringLike", "aws:TagKeys", allowed, Map.of()));
    }

    @Test
    void forAllValuesWithANegatedOperatorNeedsEveryRequestValueOutsideThePolicyValues() {
        List<String> forbidden = List.of("key1*");

        assertTrue(
                conditionHolds(
                        "ForAllValues:StringNotLike",
                        "aws:TagKeys",
                        forbidden,
                        multi("aws:TagKeys", "key2:audit")));
        assertFalse(
                conditionHolds(
                        "ForAllValues:StringNotLike",
                        "aws:TagKeys",
                        forbidden,
                        multi("aws:TagKeys", "key2:audit", "key1:hr")));
        assertTrue(
                conditionHolds("ForAllValues:StringNotLike", "aws:TagKeys", forbidden, Map.of()));
    }

    @Test
    void qualifiersWorkWithIpAndArnOperatorsToo() {
        assertTrue(
                conditionHolds(
                        "ForAllValues:IpAddress",
                        "aws:sourceip",
                        List.of("10.0.0.0/8"),
                        multi("aws:sourceip", "10.0.0.1", "10.9.9.9")));
        assertTrue(
                conditionHolds(
                        "ForAnyValue:ArnLike",
                        "aws:sourcearn",
                        List.of("arn:aws:sns:*:123456789012:topic"),
                        multi("aws:sourcearn", "x", "arn:aws:sns:us-east-1:123456789012:topic")));
    }
}

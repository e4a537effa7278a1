package dev.gatehouse.auth.iam.policy;

import static dev.gatehouse.auth.iam.policy.PolicyFixtures.ACCOUNT_ARN;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.INVOKE;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.context;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.decide;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.multi;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.policy;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Policy variables ({@code ${aws:username}}) in Resource and in string and ARN conditions. */
class PolicyVariableTest {

    static final String HOME = ACCOUNT_ARN + "a1b2c3d4e5/prod/GET/home/";

    static PolicyDocument homePolicy(String version, String resource) {
        return policy(
                """
                {%s"Statement": {"Effect": "Allow", "Action": "execute-api:Invoke",
                                 "Resource": "%s"}}\
                """
                        .formatted(
                                version == null ? "" : "\"Version\": \"" + version + "\", ",
                                resource));
    }

    static PolicyDecision invoke(
            PolicyDocument policy, String resource, Map<String, List<String>> context) {
        return decide(List.of(policy), request(INVOKE, resource, context));
    }

    @Test
    void aResourceVariableTakesTheCallersValue() {
        PolicyDocument policy = homePolicy("2012-10-17", HOME + "${aws:username}/*");

        assertEquals(
                PolicyDecision.ALLOW,
                invoke(policy, HOME + "alice/notes", context("aws:username", "alice")));
        assertEquals(
                PolicyDecision.IMPLICIT_DENY,
                invoke(policy, HOME + "bob/notes", context("aws:username", "alice")));
    }

    @Test
    void aVariableValueIsLiteralTextNotAWildcard() {
        PolicyDocument policy = homePolicy("2012-10-17", HOME + "${aws:username}");

        assertEquals(
                PolicyDecision.IMPLICIT_DENY,
                invoke(policy, HOME + "alice", context("aws:username", "*")));
        assertEquals(
                PolicyDecision.ALLOW, invoke(policy, HOME + "*", context("aws:username", "*")));
    }

    @Test
    void anUnresolvedVariableMatchesNothingUnlessItHasADefault() {
        PolicyDocument plain = homePolicy("2012-10-17", HOME + "${aws:username}");
        PolicyDocument withDefault = homePolicy("2012-10-17", HOME + "${aws:username, 'guest'}");

        assertEquals(PolicyDecision.IMPLICIT_DENY, invoke(plain, HOME, Map.of()));
        assertEquals(
                PolicyDecision.IMPLICIT_DENY, invoke(plain, HOME + "${aws:username}", Map.of()));
        assertEquals(PolicyDecision.ALLOW, invoke(withDefault, HOME + "guest", Map.of()));
        assertEquals(
                PolicyDecision.ALLOW,
                invoke(withDefault, HOME + "alice", context("aws:username", "alice")));
    }

    @Test
    void aMultivaluedKeyIsNoVariable() {
        PolicyDocument policy = homePolicy("2012-10-17", HOME + "${aws:TagKeys}");

        assertEquals(
                PolicyDecision.IMPLICIT_DENY,
                invoke(policy, HOME + "a", multi("aws:TagKeys", "a", "b")));
    }

    @Test
    void specialCharacterVariablesStandForThemselves() {
        PolicyDocument policy = homePolicy("2012-10-17", HOME + "${*}${?}${$}");

        assertEquals(PolicyDecision.ALLOW, invoke(policy, HOME + "*?$", Map.of()));
        assertEquals(PolicyDecision.IMPLICIT_DENY, invoke(policy, HOME + "abc", Map.of()));
    }

    @Test
    void version2008AndNoVersionReadVariablesAsText() {
        for (String version : new String[] {"2008-10-17", null}) {
            PolicyDocument policy = homePolicy(version, HOME + "${aws:username}");

            assertEquals(
                    PolicyDecision.ALLOW,
                    invoke(policy, HOME + "${aws:username}", context("aws:username", "alice")));
            assertEquals(
                    PolicyDecision.IMPLICIT_DENY,
                    invoke(policy, HOME + "alice", context("aws:username", "alice")));
        }
    }

    @Test
    void notResourceWithAnUnresolvedVariableDoesNotApply() {
        PolicyDocument policy =
                policy(
                        """
                        {"Version": "2012-10-17", "Statement": [
                          {"Effect": "Allow", "Action": "execute-api:Invoke",
                           "NotResource": "%s${aws:username}/*"}]}\
                        """
                                .formatted(HOME));

        assertEquals(PolicyDecision.IMPLICIT_DENY, invoke(policy, HOME + "bob/x", Map.of()));
        assertEquals(
                PolicyDecision.ALLOW,
                invoke(policy, HOME + "bob/x", context("aws:username", "alice")));
        assertEquals(
                PolicyDecision.IMPLICIT_DENY,
                invoke(policy, HOME + "alice/x", context("aws:username", "alice")));
    }

    @Test
    void conditionValuesTakeVariablesToo() {
        PolicyDocument policy =
                policy(
                        """
                        {"Version": "2012-10-17", "Statement": {
                          "Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*",
                          "Condition": {
                            "StringEqualsIgnoreCase": {"aws:PrincipalTag/team": "${aws:username}"},
                            "ArnLike": {"aws:PrincipalArn":
                                        "arn:aws:iam::*:user/${aws:PrincipalTag/team}"}}}}\
                        """);
        Map<String, List<String>> matching =
                context(
                        "aws:username", "Ops",
                        "aws:PrincipalTag/team", "ops",
                        "aws:PrincipalArn", "arn:aws:iam::123456789012:user/ops");
        Map<String, List<String>> otherArn = new java.util.HashMap<>(matching);
        otherArn.put("aws:PrincipalArn", List.of("arn:aws:iam::123456789012:user/dev"));

        assertEquals(PolicyDecision.ALLOW, invoke(policy, HOME, matching));
        assertEquals(PolicyDecision.IMPLICIT_DENY, invoke(policy, HOME, otherArn));
    }
}

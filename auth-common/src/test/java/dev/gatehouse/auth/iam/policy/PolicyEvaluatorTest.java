package dev.gatehouse.auth.iam.policy;

import static dev.gatehouse.auth.iam.policy.PolicyFixtures.ACCOUNT_ARN;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.INVOKE;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.STORE_42;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.context;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.decide;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.policy;
import static dev.gatehouse.auth.iam.policy.PolicyFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IAM's evaluation logic: default deny, allow, explicit deny, NotAction and NotResource. */
class PolicyEvaluatorTest {

    static final String API = ACCOUNT_ARN + "a1b2c3d4e5";

    static PolicyDocument statement(String effect, String element, String pattern) {
        return statement(effect, "Action", INVOKE, element, pattern);
    }

    static PolicyDocument statement(
            String effect,
            String actionElement,
            String action,
            String resourceElement,
            String resource) {
        return policy(
                """
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "%s", "%s": "%s", "%s": "%s"}]}\
                """
                        .formatted(effect, actionElement, action, resourceElement, resource));
    }

    static PolicyDecision invoke(String resource, PolicyDocument... policies) {
        return decide(List.of(policies), request(INVOKE, resource, Map.of()));
    }

    @Test
    void deniesByDefaultWhenNoPolicyApplies() {
        assertEquals(PolicyDecision.IMPLICIT_DENY, invoke(STORE_42));
        assertEquals(
                PolicyDecision.IMPLICIT_DENY,
                invoke(STORE_42, statement("Allow", "Resource", API + "/prod/GET/pets/*")));
    }

    @Test
    void allowsWhenAnAllowStatementApplies() {
        assertEquals(
                PolicyDecision.ALLOW,
                invoke(STORE_42, statement("Allow", "Resource", API + "/prod/GET/stores/*")));
    }

    @Test
    void explicitDenyWinsOverAllow() {
        PolicyDocument both =
                policy(
                        """
                        {"Version": "2012-10-17", "Statement": [
                          {"Effect": "Allow", "Action": "execute-api:*", "Resource": "*"},
                          {"Effect": "Deny", "Action": "execute-api:Invoke",
                           "Resource": "%s/*/GET/stores/42"}]}\
                        """
                                .formatted(API));

        assertEquals(PolicyDecision.EXPLICIT_DENY, invoke(STORE_42, both));
        assertEquals(PolicyDecision.ALLOW, invoke(API + "/prod/GET/stores/43", both));
    }

    @Test
    void explicitDenyInOnePolicyWinsOverAllowInAnother() {
        PolicyDocument allow = statement("Allow", "Resource", "*");
        PolicyDocument deny = statement("Deny", "Resource", API + "/prod/*");

        assertEquals(PolicyDecision.EXPLICIT_DENY, invoke(STORE_42, allow, deny));
        assertEquals(PolicyDecision.EXPLICIT_DENY, invoke(STORE_42, deny, allow));
        assertEquals(PolicyDecision.ALLOW, invoke(API + "/test/GET/stores/42", allow, deny));
    }

    @Test
    void aDenyAloneIsNotAnAllow() {
        assertEquals(
                PolicyDecision.IMPLICIT_DENY,
                invoke(API + "/test/GET/x", statement("Deny", "Resource", API + "/prod/*")));
    }

    @Test
    void aDenyWhoseConditionFailsDoesNotApply() {
        PolicyDocument policy =
                policy(
                        """
                        {"Version": "2012-10-17", "Statement": [
                          {"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*"},
                          {"Effect": "Deny", "Action": "*", "Resource": "*",
                           "Condition": {"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}\
                        """);

        assertEquals(
                PolicyDecision.ALLOW,
                decide(
                        List.of(policy),
                        request(INVOKE, STORE_42, context("aws:SourceIp", "10.2.3.4"))));
        assertEquals(
                PolicyDecision.EXPLICIT_DENY,
                decide(
                        List.of(policy),
                        request(INVOKE, STORE_42, context("aws:SourceIp", "192.0.2.1"))));
    }

    @Test
    void laterStatementsAndPoliciesAreConsidered() {
        PolicyDocument unrelated = statement("Allow", "Resource", API + "/prod/GET/pets");
        PolicyDocument several =
                policy(
                        """
                        {"Version": "2012-10-17", "Statement": [
                          {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
                          {"Effect": "Allow", "Action": "execute-api:Invoke",
                           "Resource": ["%1$s/prod/POST/*", "%1$s/prod/GET/stores/*"]}]}\
                        """
                                .formatted(API));

        assertEquals(PolicyDecision.ALLOW, invoke(STORE_42, unrelated, several));
    }

    @Test
    void notActionAllowGrantsEveryActionButTheListedOnes() {
        PolicyDocument policy =
                statement("Allow", "NotAction", "execute-api:Invalidate*", "Resource", "*");

        assertEquals(PolicyDecision.ALLOW, invoke(STORE_42, policy));
        assertEquals(
                PolicyDecision.IMPLICIT_DENY,
                decide(
                        List.of(policy),
                        request("execute-api:InvalidateCache", STORE_42, Map.of())));
    }

    @Test
    void notActionDenyDeniesEveryOtherActionWithoutAllowingTheListedOnes() {
        PolicyDocument denyAllButInvoke =
                statement("Deny", "NotAction", "execute-api:Invoke", "Resource", "*");
        PolicyDocument allowAll = statement("Allow", "Action", "*", "Resource", "*");

        assertEquals(PolicyDecision.IMPLICIT_DENY, invoke(STORE_42, denyAllButInvoke));
        assertEquals(PolicyDecision.ALLOW, invoke(STORE_42, denyAllButInvoke, allowAll));
        assertEquals(
                PolicyDecision.EXPLICIT_DENY,
                decide(
                        List.of(denyAllButInvoke, allowAll),
                        request("execute-api:ManageConnections", STORE_42, Map.of())));
    }

    @Test
    void notResourceAllowGrantsEveryResourceButTheListedOnes() {
        PolicyDocument policy = statement("Allow", "NotResource", API + "/*/DELETE/*");

        assertEquals(PolicyDecision.ALLOW, invoke(STORE_42, policy));
        assertEquals(PolicyDecision.IMPLICIT_DENY, invoke(API + "/prod/DELETE/stores/42", policy));
    }

    @Test
    void notResourceDenyDeniesEverythingOutsideTheListedResources() {
        PolicyDocument onlyProd = statement("Deny", "NotResource", API + "/prod/*");
        PolicyDocument allowAll = statement("Allow", "Resource", "*");

        assertEquals(PolicyDecision.ALLOW, invoke(STORE_42, onlyProd, allowAll));
        assertEquals(
                PolicyDecision.EXPLICIT_DENY,
                invoke(API + "/test/GET/stores/42", onlyProd, allowAll));
        assertEquals(PolicyDecision.IMPLICIT_DENY, invoke(STORE_42, onlyProd));
    }

    @ParameterizedTest(name = "action {0} against {1} -> {2}")
    @CsvSource({
        "execute-api:Invoke, execute-api:Invoke, true",
        "EXECUTE-API:invoke, execute-api:Invoke, true",
        "execute-api:Invoke, Execute-Api:INVOKE, true",
        "execute-api:*, execute-api:InvalidateCache, true",
        "execute-api:*, s3:GetObject, false",
        "execute-api:Inv*, execute-api:Invoke, true",
        "execute-api:?nvoke, execute-api:Invoke, true",
        "execute-api:?voke, execute-api:Invoke, false",
        "execute-api:Invoke, execute-api:InvokeX, false",
        "'*', s3:GetObject, true",
    })
    void actionsMatchCaseInsensitivelyWithWildcards(String pattern, String action, boolean allows) {
        PolicyDocument policy = statement("Allow", "Action", pattern, "Resource", "*");

        assertEquals(
                allows ? PolicyDecision.ALLOW : PolicyDecision.IMPLICIT_DENY,
                decide(List.of(policy), request(action, STORE_42, Map.of())));
    }

    @ParameterizedTest(name = "resource {0} against {1} -> {2}")
    @CsvSource({
        // * spans '/' (and ':'), matches the empty string, and is case-sensitive around it.
        "/prod/*, /prod/GET/stores/42, true",
        "/*/GET/stores/42, /prod/GET/stores/42, true",
        "/*/*/stores/*, /prod/GET/stores/42, true",
        "/prod/GET/stores*, /prod/GET/stores, true",
        "/prod/GET/*/42, /prod/GET/stores/nested/42, true",
        "/prod/GET/*/42, /prod/GET/stores/421, false",
        "/prod/get/stores/42, /prod/GET/stores/42, false",
        "/Prod/*, /prod/GET/stores/42, false",
        // ? is exactly one character, '/' included.
        "/prod/GET/stores/4?, /prod/GET/stores/42, true",
        "/prod/GET/stores/4?, /prod/GET/stores/4, false",
        "/prod/GET/stores/4?, /prod/GET/stores/421, false",
        "/prod/GET/stores?42, /prod/GET/stores/42, true",
        // The root resource ends in the verb's slash.
        "/prod/GET/, /prod/GET/, true",
        "/prod/GET/*, /prod/GET/, true",
        "/prod/GET/?*, /prod/GET/, false",
    })
    void resourcesMatchCaseSensitivelyWithWildcards(String pattern, String path, boolean allows) {
        assertEquals(
                allows ? PolicyDecision.ALLOW : PolicyDecision.IMPLICIT_DENY,
                invoke(API + path, statement("Allow", "Resource", API + pattern)));
    }

    @Test
    void aStarResourceSpansColonsAndMatchesAnything() {
        assertEquals(
                PolicyDecision.ALLOW,
                invoke(STORE_42, statement("Allow", "Resource", "arn:aws:execute-api:*")));
        assertEquals(
                PolicyDecision.ALLOW,
                invoke(
                        STORE_42,
                        statement("Allow", "Resource", "arn:aws:execute-api:*:*:a1b2c3d4e5/*")));
        assertEquals(PolicyDecision.ALLOW, invoke(STORE_42, statement("Allow", "Resource", "*")));
        assertEquals(
                PolicyDecision.IMPLICIT_DENY,
                invoke(STORE_42, statement("Allow", "Resource", "arn:aws:s3:::*")));
    }

    @Test
    void evaluationGivesTheSameAnswersFromManyThreads() throws Exception {
        PolicyDocument policy =
                policy(
                        """
                        {"Version": "2012-10-17", "Statement": [
                          {"Effect": "Allow", "Action": "execute-api:Invoke",
                           "Resource": "arn:aws:execute-api:*:*:*/prod/*/stores/*",
                           "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}\
                        """);
        AuthorizationRequest inside =
                request(INVOKE, STORE_42, context("aws:SourceIp", "10.0.0.1"));
        AuthorizationRequest outside =
                request(INVOKE, STORE_42, context("aws:SourceIp", "11.0.0.1"));
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger wrong =
                new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 4; t++) {
            Thread thread =
                    new Thread(
                            () -> {
                                for (int i = 0; i < 20_000; i++) {
                                    if (decide(List.of(policy), inside) != PolicyDecision.ALLOW
                                            || decide(List.of(policy), outside)
                                                    != PolicyDecision.IMPLICIT_DENY) {
                                        wrong.incrementAndGet();
                                    }
                                }
                            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(0, wrong.get());
    }
}

package dev.gatehouse.benchmarks;

import dev.gatehouse.auth.iam.policy.AuthorizationRequest;
import dev.gatehouse.auth.iam.policy.InvalidPolicyException;
import dev.gatehouse.auth.iam.policy.PolicyDecision;
import dev.gatehouse.auth.iam.policy.PolicyDocument;
import dev.gatehouse.auth.iam.policy.PolicyEvaluator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code execute-api:Invoke} decision ({@link PolicyEvaluator#evaluate}) against an identity
 * policy of ten statements: wildcard resources, NotAction, three denies that must be checked and do
 * not apply (one behind a NotIpAddress condition), and the allowing statement ninth, under an
 * IpAddress and a DateLessThan condition. Pure CPU: no Redis, no I/O.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PolicyEvaluationBenchmark {

    static final String API = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5";

    static final String POLICY =
            """
            {"Version": "2012-10-17",
             "Statement": [
               {"Sid": "PetsApi", "Effect": "Allow", "Action": "execute-api:Invoke",
                "Resource": "arn:aws:execute-api:us-east-1:123456789012:zz9plural/*/GET/pets/*"},
               {"Sid": "OrdersTeam", "Effect": "Allow", "Action": "execute-api:Invoke",
                "Resource": "%1$s/prod/POST/orders",
                "Condition": {"StringEquals": {"aws:PrincipalTag/team": "orders"}}},
               {"Sid": "NoDeletes", "Effect": "Deny", "Action": "execute-api:*",
                "Resource": "%1$s/*/DELETE/*"},
               {"Sid": "Reports", "Effect": "Allow", "Action": ["s3:GetObject", "s3:List*"],
                "Resource": "arn:aws:s3:::reports/${aws:username}/*"},
               {"Sid": "TestStage", "Effect": "Allow", "Action": "execute-api:Invoke",
                "Resource": "%1$s/test/*",
                "Condition": {"Bool": {"aws:SecureTransport": "true"}}},
               {"Sid": "OnlyApiGateway", "Effect": "Deny", "NotAction": ["execute-api:*", "s3:*"],
                "Resource": "*"},
               {"Sid": "AdminFromOffice", "Effect": "Allow", "Action": "execute-api:Invoke",
                "Resource": ["%1$s/prod/*/admin", "%1$s/prod/*/admin/*"],
                "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}},
               {"Sid": "KnownNetworks", "Effect": "Deny", "Action": "execute-api:Invoke",
                "Resource": "*",
                "Condition": {"NotIpAddress": {"aws:SourceIp":
                    ["203.0.113.0/24", "198.51.100.0/24", "2001:db8::/32"]}}},
               {"Sid": "ReadStores", "Effect": "Allow", "Action": "execute-api:Invoke",
                "Resource": ["%1$s/prod/GET/stores", "%1$s/prod/GET/stores/*"],
                "Condition": {"IpAddress": {"aws:SourceIp": ["198.51.100.0/24", "203.0.113.0/24"]},
                              "DateLessThan": {"aws:CurrentTime": "2027-01-01T00:00:00Z"}}},
               {"Sid": "NoInternalStores", "Effect": "Deny", "Action": "execute-api:Invoke",
                "Resource": "%1$s/*/GET/stores/internal/*"}]}\
            """
                    .formatted(API);

    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private List<PolicyDocument> policies;
    private AuthorizationRequest request;

    @Setup
    public void setUp() throws InvalidPolicyException {
        policies = List.of(PolicyDocument.parse(POLICY));
        request =
                new AuthorizationRequest(
                        "execute-api:Invoke",
                        API + "/prod/GET/stores/42",
                        Map.of(
                                "aws:SourceIp", List.of("203.0.113.7"),
                                "aws:CurrentTime", List.of("2026-06-01T12:00:00Z"),
                                "aws:EpochTime", List.of("1780315200"),
                                "aws:SecureTransport", List.of("true"),
                                "aws:username", List.of("alice"),
                                "aws:PrincipalArn", List.of("arn:aws:iam::123456789012:user/alice"),
                                "aws:PrincipalTag/team", List.of("stores"),
                                "aws:UserAgent", List.of("aws-sdk-java/2.31")));
        if (evaluate() != PolicyDecision.ALLOW) {
            throw new IllegalStateException("the benchmark request must be allowed");
        }
    }

    @Benchmark
    public PolicyDecision evaluate() {
        return evaluator.evaluate(policies, request);
    }
}

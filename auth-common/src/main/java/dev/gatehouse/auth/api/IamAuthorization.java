package dev.gatehouse.auth.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.iam.IamAuthorizer;
import dev.gatehouse.auth.iam.IamOutcome;
import dev.gatehouse.auth.iam.IamRejection;
import dev.gatehouse.auth.iam.IamRequest;
import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.sigv4.VertxSignedRequests;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.time.Duration;

/**
 * {@code AWS_IAM} authorization for a call a service routes itself (an AWS JSON or query protocol
 * on one path, where {@link AwsIamRequired} on a JAX-RS method does not fit): verifies the SigV4
 * signature with the signing name of the action's service ({@code cognito-idp:AdminGetUser} is
 * signed for {@code cognito-idp}), the credentials (temporary ones included) and the caller's
 * identity policies for the action on the resource. The same verifier and policy evaluator as the
 * routes' filter; configured by {@code gatehouse.iam.*}.
 */
@ApplicationScoped
public class IamAuthorization {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IamConfig config;
    private final Instance<IamAuthorizer> authorizer;

    IamAuthorization(IamConfig config, Instance<IamAuthorizer> authorizer) {
        this.config = config;
        this.authorizer = authorizer;
    }

    /** {@code gatehouse.iam.enabled}: when false, nothing may be authorized (and nothing is). */
    public boolean enabled() {
        return config.enabled();
    }

    /** The region every credential scope must name, and of the ARNs this service owns. */
    public String region() {
        return config.region();
    }

    /** The suite's AWS account id, of the ARNs this service owns. */
    public String accountId() {
        return config.accountId();
    }

    /**
     * The decision for {@code action} on {@code resource} (an ARN) asked by {@code http} with the
     * body {@code body} as received. Completes within the Redis timeout plus a second; a Redis
     * failure is a 503 refusal, never an allow.
     *
     * @throws IllegalStateException when IAM is not {@link #enabled()}
     */
    public Uni<IamDecision> authorize(
            HttpServerRequest http, byte[] body, String action, String resource) {
        if (!config.enabled()) {
            throw new IllegalStateException("gatehouse.iam.enabled=false");
        }
        IamRequest request =
                new IamRequest(
                        VertxSignedRequests.of(http, body),
                        action,
                        resource,
                        VertxSignedRequests.sourceIp(http),
                        http.isSSL());
        return authorizer
                .get()
                .authorize(request)
                .ifNoItem()
                .after(config.redisTimeout().plus(Duration.ofSeconds(1)))
                .fail()
                .map(IamAuthorization::decision);
    }

    private static IamDecision decision(IamOutcome outcome) {
        if (outcome instanceof IamOutcome.Allowed allowed) {
            return new IamDecision.Allowed(allowed.identity());
        }
        IamRejection rejection = ((IamOutcome.Rejected) outcome).rejection();
        return new IamDecision.Refused(
                rejection.status(), rejection.errorType(), message(rejection.body()));
    }

    /** The message of API Gateway's body, {@code {"message":...}} or {@code {"Message":...}}. */
    private static String message(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode message = node.has("message") ? node.get("message") : node.get("Message");
            return message == null ? "" : message.asText();
        } catch (IOException e) {
            return "";
        }
    }
}

package dev.gatehouse.identity.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gatehouse.auth.iam.IamAuthorizer;
import dev.gatehouse.auth.iam.IamOutcome;
import dev.gatehouse.auth.iam.IamRejection;
import dev.gatehouse.auth.iam.IamRequest;
import dev.gatehouse.auth.iam.config.IamConfig;
import dev.gatehouse.auth.iam.rest.VertxSignedRequests;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.protocol.CallContext;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.time.Duration;

/**
 * The admin operations are SigV4-signed for service {@code cognito-idp} (spec 1.2): auth-common's
 * IAM authorizer verifies the signature and evaluates the caller's identity policies for {@code
 * cognito-idp:<Operation>} on the pool's ARN, {@code
 * arn:aws:cognito-idp:<region>:<account>:userpool/<poolId>}. Its refusals are re-shaped as the AWS
 * JSON errors a real endpoint sends (status 400, {@code __type} and {@code message}): unsigned
 * calls are {@code MissingAuthenticationTokenException}, an unknown access key {@code
 * UnrecognizedClientException}, a policy refusal {@code AccessDeniedException}. With {@code
 * gatehouse.iam.enabled=false} every admin call is refused: they are never open.
 */
@ApplicationScoped
public class AdminAuthorization {

    static final String INVALID_TOKEN = "The security token included in the request is invalid.";

    private final IamConfig config;
    private final Instance<IamAuthorizer> authorizer;
    private final ObjectMapper json;
    private final String poolArn;

    AdminAuthorization(
            IamConfig config,
            Instance<IamAuthorizer> authorizer,
            ObjectMapper json,
            UserPool pool) {
        this.config = config;
        this.authorizer = authorizer;
        this.json = json;
        this.poolArn =
                "arn:aws:cognito-idp:"
                        + config.region()
                        + ":"
                        + config.accountId()
                        + ":userpool/"
                        + pool.id();
        if (!config.enabled()) {
            Log.warn(
                    "gatehouse.iam.enabled=false: identity-service refuses every Admin* operation");
        }
    }

    /** Returns when the call may perform {@code operation}; throws Cognito's error otherwise. */
    public void authorize(String operation, CallContext call) {
        authorize("cognito-idp:" + operation, poolArn, call);
    }

    /**
     * As {@link #authorize(String, CallContext)} for any signed Cognito action ({@code
     * cognito-identity:DescribeIdentityPool}) on {@code resource}; the signing name is the action's
     * service.
     */
    public void authorize(String action, String resource, CallContext call) {
        if (!config.enabled()) {
            throw new CognitoException("UnrecognizedClientException", INVALID_TOKEN);
        }
        IamRequest request =
                new IamRequest(
                        VertxSignedRequests.of(call.http(), call.body()),
                        action,
                        resource,
                        call.http().remoteAddress() == null
                                ? null
                                : call.http().remoteAddress().hostAddress(),
                        call.http().isSSL());
        IamOutcome outcome =
                authorizer
                        .get()
                        .authorize(request)
                        .await()
                        .atMost(config.redisTimeout().plus(Duration.ofSeconds(1)));
        if (!outcome.allowed()) {
            throw cognitoError(outcome.rejection());
        }
    }

    private CognitoException cognitoError(IamRejection rejection) {
        String message = message(rejection.body());
        return switch (rejection.errorType()) {
            case "MissingAuthenticationTokenException",
                    "IncompleteSignatureException",
                    "InvalidSignatureException",
                    "ExpiredTokenException" ->
                    new CognitoException(rejection.errorType(), message);
            case "AccessDeniedException" ->
                    INVALID_TOKEN.equals(message)
                            ? new CognitoException("UnrecognizedClientException", message)
                            : new CognitoException("AccessDeniedException", message);
            default -> {
                Log.warnf("admin call refused: %s %s", rejection.errorType(), message);
                yield CognitoErrors.internal();
            }
        };
    }

    private String message(String body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode message = node.has("message") ? node.get("message") : node.get("Message");
            return message == null ? "" : message.asText();
        } catch (IOException e) {
            return "";
        }
    }
}

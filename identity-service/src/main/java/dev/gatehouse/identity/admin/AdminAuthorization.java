package dev.gatehouse.identity.admin;

import dev.gatehouse.auth.api.IamAuthorization;
import dev.gatehouse.auth.api.IamDecision;
import dev.gatehouse.identity.pool.UserPool;
import dev.gatehouse.identity.protocol.CallContext;
import dev.gatehouse.identity.protocol.CognitoErrors;
import dev.gatehouse.identity.protocol.CognitoException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

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

    private final IamAuthorization iam;
    private final String poolArn;

    AdminAuthorization(IamAuthorization iam, UserPool pool) {
        this.iam = iam;
        this.poolArn =
                "arn:aws:cognito-idp:"
                        + iam.region()
                        + ":"
                        + iam.accountId()
                        + ":userpool/"
                        + pool.id();
        if (!iam.enabled()) {
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
        if (!iam.enabled()) {
            throw new CognitoException("UnrecognizedClientException", INVALID_TOKEN);
        }
        IamDecision decision =
                iam.authorize(call.http(), call.body(), action, resource).await().indefinitely();
        if (decision instanceof IamDecision.Refused refused) {
            throw cognitoError(refused);
        }
    }

    private static CognitoException cognitoError(IamDecision.Refused rejection) {
        String message = rejection.message();
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
}

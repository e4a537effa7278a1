package dev.gatehouse.auth.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Map;
import java.util.Optional;

/**
 * Who called, in the shape of API Gateway's {@code requestContext.identity} (the Lambda proxy
 * event's {@code APIGatewayProxyRequestEvent.RequestIdentity}): filled by the IAM authorizer here,
 * and by API Gateway itself when the suite runs on Lambda. Fields a caller does not have are null.
 *
 * @param accountId the caller's account (IAM callers)
 * @param caller the principal's unique id: {@code AIDA...} for a user, {@code AROA...:<session>}
 *     for an assumed role
 * @param user as {@code caller}
 * @param userArn the caller ARN (a user, or {@code arn:aws:sts::...:assumed-role/...})
 * @param accessKey the access key id the request was signed with
 * @param claims a Cognito user pool caller's token claims, as API Gateway passes them in {@code
 *     requestContext.authorizer.claims}: every value a string (numbers and booleans in their JSON
 *     spelling, arrays and objects as JSON text); null for other callers
 */
public record RequestIdentity(
        String sourceIp,
        String userAgent,
        String accountId,
        String caller,
        String user,
        String userArn,
        String accessKey,
        String cognitoIdentityId,
        String cognitoIdentityPoolId,
        String cognitoAuthenticationType,
        String cognitoAuthenticationProvider,
        Map<String, String> claims) {

    /** The request property the authorizers store the identity under. */
    public static final String PROPERTY = RequestIdentity.class.getName();

    /** An IAM-signed caller. */
    public static RequestIdentity iam(
            String sourceIp,
            String userAgent,
            String accountId,
            String caller,
            String userArn,
            String accessKey) {
        return new RequestIdentity(
                sourceIp, userAgent, accountId, caller, caller, userArn, accessKey, null, null,
                null, null, null);
    }

    /**
     * This IAM caller as signed with identity pool credentials: API Gateway's {@code
     * cognitoIdentityId}, {@code cognitoIdentityPoolId}, {@code cognitoAuthenticationType} ({@code
     * authenticated} or {@code unauthenticated}) and {@code cognitoAuthenticationProvider}.
     */
    public RequestIdentity withCognitoIdentity(
            String identityId,
            String identityPoolId,
            String authenticationType,
            String authenticationProvider) {
        return new RequestIdentity(
                sourceIp,
                userAgent,
                accountId,
                caller,
                user,
                userArn,
                accessKey,
                identityId,
                identityPoolId,
                authenticationType,
                authenticationProvider,
                claims);
    }

    /**
     * A caller with a valid Cognito user pool token. As with API Gateway's {@code
     * COGNITO_USER_POOLS} authorizer, only {@code claims} is filled; the {@code cognito*} fields
     * belong to identity pool (federated) credentials.
     */
    public static RequestIdentity cognitoUserPool(
            String sourceIp, String userAgent, Map<String, String> claims) {
        return new RequestIdentity(
                sourceIp,
                userAgent,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.copyOf(claims));
    }

    /**
     * The caller's name as Quarkus's Lambda security names its {@code Principal} (spec
     * api-gateway-and-iam.md 7.3), the same in every deployment shape: the {@code cognito:username}
     * claim for a user pool caller, {@code user} (the IAM {@code userId}) for a signed caller; null
     * when neither is known (e.g. an access token, which has no {@code cognito:username}).
     */
    public String principalName() {
        if (claims != null) {
            return claims.get("cognito:username");
        }
        return user;
    }

    /** The identity an authorizer established for this request, if any. */
    public static Optional<RequestIdentity> of(ContainerRequestContext request) {
        return request.getProperty(PROPERTY) instanceof RequestIdentity identity
                ? Optional.of(identity)
                : Optional.empty();
    }
}

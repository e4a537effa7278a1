package dev.gatehouse.auth.gateway.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.Authorizer;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext.IAM;
import dev.gatehouse.auth.api.RequestIdentity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's authorizer results (HTTP API, payload 2.0; spec api-gateway-and-iam.md 7.2) as the
 * {@link RequestIdentity} the self-enforcing authorizers fill, so that resources read callers the
 * same way in every deployment shape.
 */
public final class ApiGatewayIdentities {

    private ApiGatewayIdentities() {}

    /**
     * The IAM authorizer's caller ({@code requestContext.authorizer.iam}), or empty when the IAM
     * authorizer did not run. {@code user} is {@code userId}, the name Quarkus's Lambda security
     * gives an IAM principal. The access key may be missing: a direct invocation (the delivery
     * schedule), authorized by Lambda's {@code lambda:InvokeFunction}, names its caller without
     * one.
     */
    public static Optional<RequestIdentity> iam(RequestContext context) {
        Authorizer authorizer = context.getAuthorizer();
        IAM iam = authorizer == null ? null : authorizer.getIam();
        if (iam == null || blank(iam.getUserId()) || blank(iam.getUserArn())) {
            return Optional.empty();
        }
        String caller = blank(iam.getCallerId()) ? iam.getUserId() : iam.getCallerId();
        CognitoIdentity federated = iam.getCognitoIdentity();
        List<String> amr =
                federated == null || federated.getAmr() == null ? List.of() : federated.getAmr();
        return Optional.of(
                new RequestIdentity(
                        sourceIp(context),
                        userAgent(context),
                        iam.getAccountId(),
                        caller,
                        iam.getUserId(),
                        iam.getUserArn(),
                        blank(iam.getAccessKey()) ? null : iam.getAccessKey(),
                        federated == null ? null : federated.getIdentityId(),
                        federated == null ? null : federated.getIdentityPoolId(),
                        amr.isEmpty() ? null : amr.get(0),
                        amr.size() < 2 ? null : String.join(",", amr.subList(1, amr.size())),
                        null));
    }

    /**
     * The JWT authorizer's caller ({@code requestContext.authorizer.jwt.claims}), or empty when the
     * JWT authorizer did not run. Claims are passed as API Gateway gives them (strings).
     */
    public static Optional<RequestIdentity> jwt(RequestContext context) {
        Authorizer authorizer = context.getAuthorizer();
        Map<String, String> claims =
                authorizer == null || authorizer.getJwt() == null
                        ? null
                        : authorizer.getJwt().getClaims();
        if (claims == null || claims.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                RequestIdentity.cognitoUserPool(
                        sourceIp(context), userAgent(context), withoutNullValues(claims)));
    }

    private static Map<String, String> withoutNullValues(Map<String, String> claims) {
        return claims.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null)
                .collect(
                        java.util.stream.Collectors.toUnmodifiableMap(
                                Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String sourceIp(RequestContext context) {
        return context.getHttp() == null ? null : context.getHttp().getSourceIp();
    }

    private static String userAgent(RequestContext context) {
        return context.getHttp() == null ? null : context.getHttp().getUserAgent();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

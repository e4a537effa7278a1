package dev.gatehouse.identity.sts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A verified web identity of AssumeRoleWithWebIdentity ({@link WebIdentities#verify}).
 *
 * @param federatedPrincipal the {@code Federated} principal a role's trust policy names ({@code
 *     cognito-identity.amazonaws.com}, or an OIDC provider's ARN)
 * @param provider the issuer: {@code cognito-identity.amazonaws.com} or the provider's host
 * @param subject the token's {@code sub}
 * @param audience the token's {@code aud}
 * @param context the condition keys trust and session policies read ({@code <issuer>:aud|sub}, and
 *     {@code cognito-identity.amazonaws.com:amr})
 * @param authenticationProvider API Gateway's {@code cognitoAuthenticationProvider}, if any
 */
public record WebIdentity(
        String federatedPrincipal,
        String provider,
        String subject,
        String audience,
        Map<String, List<String>> context,
        Optional<String> authenticationProvider) {}

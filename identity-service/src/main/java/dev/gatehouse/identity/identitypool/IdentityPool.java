package dev.gatehouse.identity.identitypool;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One identity pool as configured and resolved at startup.
 *
 * @param userPoolClients provider name ({@code cognito-idp.<region>.amazonaws.com/<poolId>}) to the
 *     app client ids whose ID tokens it accepts
 * @param serverSideTokenCheck the app client ids whose provider entry has {@code
 *     ServerSideTokenCheck}: their tokens are also checked against the user pool's state
 * @param openIdProviders issuer hosts (the {@code Logins} keys) of the trusted OIDC providers
 * @param roles {@code authenticated} / {@code unauthenticated} to role ARN
 * @param roleMappings by provider key ({@code <providerName>:<clientId>} or an issuer host)
 */
public record IdentityPool(
        String id,
        String name,
        boolean allowUnauthenticatedIdentities,
        boolean allowClassicFlow,
        Map<String, List<String>> userPoolClients,
        Set<String> serverSideTokenCheck,
        List<String> openIdProviders,
        Optional<String> developerProviderName,
        Map<String, String> roles,
        Map<String, RoleMapping> roleMappings) {

    /** The role ARN of an authentication type, if the pool has one. */
    public Optional<String> role(boolean authenticated) {
        return Optional.ofNullable(roles.get(authenticated ? "authenticated" : "unauthenticated"));
    }

    /** The ARN that IAM policies name: {@code arn:aws:cognito-identity:r:a:identitypool/<id>}. */
    public String arn(String region, String accountId) {
        return "arn:aws:cognito-identity:" + region + ":" + accountId + ":identitypool/" + id;
    }
}

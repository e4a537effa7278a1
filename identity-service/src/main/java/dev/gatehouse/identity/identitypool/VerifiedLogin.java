package dev.gatehouse.identity.identitypool;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One {@code Logins} entry whose token verified.
 *
 * @param provider the {@code Logins} key ({@code cognito-idp.<region>.amazonaws.com/<poolId>} or an
 *     issuer host)
 * @param subject the token's {@code sub}: with the provider, the login's identity
 * @param clientId the token's audience (a user pool app client id, an OIDC client id)
 * @param claims every claim, for role mapping rules
 */
public record VerifiedLogin(String provider, String subject, String clientId, JsonNode claims) {

    /** The key role mappings are declared under. */
    public String mappingKey() {
        return provider.startsWith("cognito-idp.") ? provider + ":" + clientId : provider;
    }
}

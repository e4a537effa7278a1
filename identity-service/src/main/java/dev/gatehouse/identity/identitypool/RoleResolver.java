package dev.gatehouse.identity.identitypool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Which role an identity's credentials are for (spec 6.3): guests get the pool's unauthenticated
 * role; a sign-in whose provider has a role mapping gets {@code CustomRoleArn} (when the token's
 * {@code cognito:roles} lists it), {@code cognito:preferred_role}, or the first matching rule, and
 * otherwise what {@code AmbiguousRoleResolution} says; without a mapping, the authenticated role.
 */
final class RoleResolver {

    private RoleResolver() {}

    static String resolve(
            IdentityPool pool, List<VerifiedLogin> logins, Optional<String> customRoleArn) {
        if (logins.isEmpty()) {
            return pool.role(false).orElseThrow(IdentityPoolErrors::invalidConfiguration);
        }
        for (VerifiedLogin login : logins) {
            RoleMapping mapping = pool.roleMappings().get(login.mappingKey());
            if (mapping == null) {
                continue;
            }
            Optional<String> role =
                    mapping.tokenBased()
                            ? fromToken(login.claims(), customRoleArn, login.mappingKey())
                            : fromRules(mapping, login.claims());
            if (role.isPresent()) {
                return role.get();
            }
            if (mapping.denyWhenAmbiguous()) {
                throw IdentityPoolErrors.ambiguousDenied(login.mappingKey());
            }
            return pool.role(true).orElseThrow(IdentityPoolErrors::invalidConfiguration);
        }
        return pool.role(true).orElseThrow(IdentityPoolErrors::invalidConfiguration);
    }

    private static Optional<String> fromToken(
            JsonNode claims, Optional<String> customRoleArn, String provider) {
        if (customRoleArn.isPresent()) {
            for (JsonNode role : claims.path("cognito:roles")) {
                if (customRoleArn.get().equals(role.asText())) {
                    return customRoleArn;
                }
            }
            // A role the token does not offer is never granted, whatever the resolution says.
            throw IdentityPoolErrors.ambiguousDenied(provider);
        }
        JsonNode preferred = claims.get("cognito:preferred_role");
        return preferred != null && preferred.isTextual() && !preferred.asText().isEmpty()
                ? Optional.of(preferred.asText())
                : Optional.empty();
    }

    private static Optional<String> fromRules(RoleMapping mapping, JsonNode claims) {
        for (RoleMapping.Rule rule : mapping.rules()) {
            JsonNode value = claims.get(rule.claim());
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                for (JsonNode one : value) {
                    if (rule.matches(one.asText())) {
                        return Optional.of(rule.roleArn());
                    }
                }
            } else if (rule.matches(value.asText())) {
                return Optional.of(rule.roleArn());
            }
        }
        return Optional.empty();
    }
}

package dev.gatehouse.auth.cognito.rest;

import dev.gatehouse.auth.api.CognitoUserPoolsRequired;
import dev.gatehouse.auth.cognito.TokenRequirement;
import dev.gatehouse.auth.cognito.config.CognitoConfig;
import dev.gatehouse.auth.cognito.config.CognitoConfig.TokenUse;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which resource methods are {@code COGNITO_USER_POOLS}, and what each accepts, worked out once.
 */
final class CognitoRoutes {

    private static final TokenRequirement OPEN =
            new TokenRequirement(TokenUse.ID, Set.of(), Set.of());

    private final Map<Method, TokenRequirement> requirements = new ConcurrentHashMap<>();
    private final CognitoConfig config;

    CognitoRoutes(CognitoConfig config) {
        this.config = config;
    }

    /** The route's requirement, or null when the route is not Cognito-protected. */
    TokenRequirement requirement(Class<?> resourceClass, Method method) {
        if (method == null) {
            return null;
        }
        TokenRequirement requirement =
                requirements.computeIfAbsent(method, m -> resolve(resourceClass, m));
        return requirement == OPEN ? null : requirement;
    }

    private TokenRequirement resolve(Class<?> resourceClass, Method method) {
        CognitoUserPoolsRequired annotation = method.getAnnotation(CognitoUserPoolsRequired.class);
        if (annotation == null) {
            annotation = resourceClass.getAnnotation(CognitoUserPoolsRequired.class);
        }
        if (annotation == null) {
            return OPEN;
        }
        Set<String> clients = Set.copyOf(config.clientIds().orElse(List.of()));
        if (annotation.scopes().length > 0) {
            return new TokenRequirement(TokenUse.ACCESS, clients, Set.of(annotation.scopes()));
        }
        Optional<List<String>> scopes = config.scopes();
        return new TokenRequirement(
                config.tokenUse(), clients, Set.copyOf(scopes.orElse(List.of())));
    }
}

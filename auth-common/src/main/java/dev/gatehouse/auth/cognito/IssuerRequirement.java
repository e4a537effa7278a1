package dev.gatehouse.auth.cognito;

import dev.gatehouse.auth.api.CognitoUserPoolsRequired;
import dev.gatehouse.auth.cognito.config.CognitoConfig;
import dev.gatehouse.auth.gateway.lambda.GatewayModeConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Stops startup when the service has {@code @CognitoUserPoolsRequired} routes but no {@code
 * gatehouse.cognito.issuer}: such routes could only ever fail, so the mistake is reported once,
 * naming the setting, rather than as a 500 on every request. Services without such routes, with the
 * authorizer off, or behind API Gateway (which verifies the tokens) need no issuer.
 */
@ApplicationScoped
class IssuerRequirement {

    void check(
            @Observes StartupEvent started,
            CognitoConfig config,
            GatewayModeConfig gateway,
            BeanManager beans) {
        if (!config.enabled()
                || gateway.mode() == GatewayModeConfig.Mode.API_GATEWAY
                || config.issuer().isPresent()) {
            return;
        }
        List<String> routes =
                protectedRoutes(
                        beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                                .map(Bean::getBeanClass));
        if (!routes.isEmpty()) {
            throw new IllegalStateException(missingIssuer(routes));
        }
    }

    /** The classes among {@code classes} with a {@code @CognitoUserPoolsRequired} route, sorted. */
    static List<String> protectedRoutes(Stream<Class<?>> classes) {
        return classes.filter(IssuerRequirement::hasProtectedRoute)
                .map(Class::getName)
                .distinct()
                .sorted()
                .toList();
    }

    static String missingIssuer(List<String> routes) {
        return "gatehouse.cognito.issuer is required by the @CognitoUserPoolsRequired routes of "
                + String.join(", ", routes)
                + ". Set it (or GATEHOUSE_COGNITO_ISSUER) to"
                + " the user pool's issuer, https://cognito-idp.<region>.amazonaws.com/<poolId> for"
                + " Cognito, <issuer-base>/<poolId> for identity-service; in quarkus:dev, start"
                + " identity-service once (it writes deploy/local/run/user-pool.json, read at the"
                + " next start), or turn the authorizer off with gatehouse.cognito.enabled=false";
    }

    private static boolean hasProtectedRoute(Class<?> type) {
        if (type.isAnnotationPresent(CognitoUserPoolsRequired.class)) {
            return true;
        }
        return Arrays.stream(type.getDeclaredMethods()).anyMatch(IssuerRequirement::isProtected);
    }

    private static boolean isProtected(Method method) {
        return method.isAnnotationPresent(CognitoUserPoolsRequired.class);
    }
}

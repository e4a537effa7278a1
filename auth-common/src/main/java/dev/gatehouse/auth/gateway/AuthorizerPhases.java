package dev.gatehouse.auth.gateway;

import dev.gatehouse.auth.api.AwsIamRequired;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a route's authorizer runs. {@code AWS_IAM} on a route that reads a body must hash the body,
 * so it runs in Quarkus REST's {@code readBody} phase, after every other filter; the checks API
 * Gateway runs after the authorizer (API key, usage plan) are then started by the authorizer itself
 * rather than ordered by priority. Every other route shape authorizes before the body.
 */
public final class AuthorizerPhases {

    private static final BodyReadingMethods BODIES = new BodyReadingMethods();
    private static final Map<Method, Boolean> AFTER_BODY = new ConcurrentHashMap<>();

    private AuthorizerPhases() {}

    /** Whether the route's authorizer runs only once its body is in memory. */
    public static boolean authorizesAfterBody(Class<?> resourceClass, Method method) {
        return method != null
                && AFTER_BODY.computeIfAbsent(
                        method,
                        m ->
                                (m.isAnnotationPresent(AwsIamRequired.class)
                                                || resourceClass.isAnnotationPresent(
                                                        AwsIamRequired.class))
                                        && BODIES.readsBody(m));
    }

    /** Whether the method reads the request body. */
    public static boolean readsBody(Method method) {
        return BODIES.readsBody(method);
    }
}

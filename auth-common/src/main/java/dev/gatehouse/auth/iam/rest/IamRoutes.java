package dev.gatehouse.auth.iam.rest;

import dev.gatehouse.auth.api.AwsIamRequired;
import dev.gatehouse.auth.gateway.BodyReadingMethods;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which resource methods are {@code AWS_IAM}, and which read a body, worked out once each. */
final class IamRoutes {

    private final Map<Method, Boolean> protectedMethods = new ConcurrentHashMap<>();
    private final Map<Method, Boolean> replayProtected = new ConcurrentHashMap<>();
    private final BodyReadingMethods bodies = new BodyReadingMethods();

    boolean protects(Class<?> resourceClass, Method method) {
        return method != null
                && protectedMethods.computeIfAbsent(
                        method,
                        m ->
                                m.isAnnotationPresent(AwsIamRequired.class)
                                        || resourceClass.isAnnotationPresent(AwsIamRequired.class));
    }

    /** Whether the route asks for replay protection ({@code @AwsIamRequired(replayProtection)}). */
    boolean replayProtected(Class<?> resourceClass, Method method) {
        return method != null
                && replayProtected.computeIfAbsent(
                        method,
                        m -> {
                            AwsIamRequired onMethod = m.getAnnotation(AwsIamRequired.class);
                            AwsIamRequired required =
                                    onMethod != null
                                            ? onMethod
                                            : resourceClass.getAnnotation(AwsIamRequired.class);
                            return required != null && required.replayProtection();
                        });
    }

    /** Whether the method reads the body (then SigV4 runs once it is in memory). */
    boolean readsBody(Method method) {
        return bodies.readsBody(method);
    }
}

package dev.gatehouse.auth.iam.rest;

import dev.gatehouse.auth.api.AwsIamRequired;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which resource methods are {@code AWS_IAM}, and which read a body, worked out once each. */
final class IamRoutes {

    private final Map<Method, Boolean> protectedMethods = new ConcurrentHashMap<>();
    private final Map<Method, Boolean> bodyReaders = new ConcurrentHashMap<>();

    boolean protects(Class<?> resourceClass, Method method) {
        return method != null
                && protectedMethods.computeIfAbsent(
                        method,
                        m ->
                                m.isAnnotationPresent(AwsIamRequired.class)
                                        || resourceClass.isAnnotationPresent(AwsIamRequired.class));
    }

    /** A JAX-RS method reads the body when one of its parameters carries no annotation. */
    boolean readsBody(Method method) {
        return bodyReaders.computeIfAbsent(
                method,
                m -> {
                    Annotation[][] annotations = m.getParameterAnnotations();
                    Class<?>[] types = m.getParameterTypes();
                    for (int i = 0; i < types.length; i++) {
                        if (annotations[i].length == 0 && !isContextType(types[i])) {
                            return true;
                        }
                    }
                    return false;
                });
    }

    private static boolean isContextType(Class<?> type) {
        String name = type.getName();
        return name.startsWith("jakarta.ws.rs.")
                || name.startsWith("io.vertx.")
                || name.startsWith("org.jboss.resteasy.reactive.");
    }
}

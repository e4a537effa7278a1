package dev.gatehouse.auth.gateway;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which resource methods read the request body, worked out once each. The filters that must see the
 * body (SigV4 hashes it) run in Quarkus REST's {@code readBody} phase, after every other filter;
 * every check that API Gateway runs after the authorizer (the API key and usage plan) asks this too
 * and, for such a method, runs in that phase as well, so that the order holds for every route
 * shape.
 */
public final class BodyReadingMethods {

    private final Map<Method, Boolean> bodyReaders = new ConcurrentHashMap<>();

    /** A JAX-RS method reads the body when one of its parameters carries no annotation. */
    public boolean readsBody(Method method) {
        return method != null
                && bodyReaders.computeIfAbsent(
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

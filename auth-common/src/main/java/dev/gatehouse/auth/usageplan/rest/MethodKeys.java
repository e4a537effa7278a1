package dev.gatehouse.auth.usageplan.rest;

import dev.gatehouse.auth.api.ApiKeyRequired;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which resource methods require a key, and their AWS resource path ({@code /stores/{id}}), worked
 * out once per method from the annotations.
 */
final class MethodKeys {

    private final Map<Method, Optional<String>> resourcePaths = new ConcurrentHashMap<>();

    /** The AWS resource path of a keyed method; empty when the method needs no key. */
    Optional<String> resourcePath(Class<?> resourceClass, Method method) {
        if (method == null) {
            return Optional.empty();
        }
        return resourcePaths.computeIfAbsent(method, m -> compute(resourceClass, m));
    }

    private static Optional<String> compute(Class<?> resourceClass, Method method) {
        if (!method.isAnnotationPresent(ApiKeyRequired.class)
                && !resourceClass.isAnnotationPresent(ApiKeyRequired.class)) {
            return Optional.empty();
        }
        return Optional.of(
                join(resourceClass.getAnnotation(Path.class), method.getAnnotation(Path.class)));
    }

    static String join(Path classPath, Path methodPath) {
        StringBuilder path = new StringBuilder();
        for (Path part : new Path[] {classPath, methodPath}) {
            if (part == null) {
                continue;
            }
            String value = part.value().strip();
            if (value.isEmpty() || value.equals("/")) {
                continue;
            }
            if (!value.startsWith("/")) {
                path.append('/');
            }
            path.append(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        }
        return path.isEmpty() ? "/" : path.toString();
    }
}

package dev.gatehouse.identity.hosted;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A raw query string or form body ({@code application/x-www-form-urlencoded}) read strictly: every
 * name once, values decoded as UTF-8, the whole bounded. Used by the hosted pages and the {@code
 * /oauth2/*} endpoints, so that a malformed or repeated parameter is refused (RFC 6749 section 3.1)
 * instead of reaching the logic.
 */
public record QueryParameters(Map<String, String> values, Set<String> repeated) {

    /** Longer input is refused outright (a query of Cognito's parameters is far shorter). */
    public static final int MAXIMUM_LENGTH = 8192;

    /** Thrown for input that cannot be read at all (too long, broken %-escapes). */
    public static final class MalformedException extends RuntimeException {
        MalformedException(String message) {
            super(message);
        }
    }

    public static QueryParameters parse(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> repeated = new java.util.LinkedHashSet<>();
        if (raw == null || raw.isEmpty()) {
            return new QueryParameters(values, repeated);
        }
        if (raw.length() > MAXIMUM_LENGTH) {
            throw new MalformedException("the request is too long");
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (values.putIfAbsent(name, value) != null) {
                repeated.add(name);
            }
        }
        return new QueryParameters(values, repeated);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty());
    }

    public boolean isRepeated(String name) {
        return repeated.contains(name);
    }

    /** Any of {@code names} given more than once. */
    public Optional<String> anyRepeated(List<String> names) {
        return names.stream().filter(repeated::contains).findFirst();
    }

    /** {@code name=value&...}, each part encoded for a URL. */
    public static String encode(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&");
        parameters.forEach(
                (name, value) ->
                        query.add(
                                URLEncoder.encode(name, StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedException("the request has a malformed %-escape");
        }
    }
}

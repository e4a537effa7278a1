package dev.gatehouse.deploy.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A suite configuration file as the services read it: properties with SmallRye expressions ({@code
 * ${name}}, {@code ${name:default}}) resolved against the file itself and what the services add
 * ({@code gatehouse.suite-dir}). Environment references resolve to their default.
 */
final class SuiteProperties {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

    private final Map<String, String> raw = new TreeMap<>();
    private final Map<String, String> provided;

    private SuiteProperties(String text, Map<String, String> provided) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.forEach((k, v) -> raw.put((String) k, (String) v));
        this.provided = provided;
    }

    static SuiteProperties parse(String text, Map<String, String> provided) {
        return new SuiteProperties(text, provided);
    }

    /** Every property as written, expressions unresolved. */
    Map<String, String> raw() {
        return raw;
    }

    /** The names under {@code prefix} up to the next dot ({@code principals} of a map). */
    java.util.Set<String> names(String prefix) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        raw.keySet().stream()
                .filter(k -> k.startsWith(prefix))
                .forEach(k -> names.add(k.substring(prefix.length()).split("\\.", 2)[0]));
        return names;
    }

    /** A property's value with every expression resolved; an unresolvable one fails. */
    String resolved(String key) {
        String value = raw.containsKey(key) ? raw.get(key) : provided.get(key);
        if (value == null) {
            throw new AssertionError("no property " + key);
        }
        return expand(value, 0);
    }

    private String expand(String value, int depth) {
        if (depth > 10) {
            throw new AssertionError("expression loop in " + value);
        }
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String found = raw.containsKey(name) ? raw.get(name) : provided.get(name);
            if (found == null && m.group(2) == null) {
                throw new AssertionError("${" + name + "} cannot be resolved in " + value);
            }
            String replacement = expand(found != null ? found : m.group(2), depth + 1);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}

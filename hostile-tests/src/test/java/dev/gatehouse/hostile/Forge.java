package dev.gatehouse.hostile;

import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/** The small edits the tables make to genuine requests. */
final class Forge {

    private Forge() {}

    /** Rewrites the Authorization header. */
    static UnaryOperator<Probe> auth(UnaryOperator<String> change) {
        return p -> p.mapHeader("Authorization", change);
    }

    /** Replaces {@code regex} in the Authorization header. */
    static UnaryOperator<Probe> authRegex(String regex, String replacement) {
        return auth(a -> a.replaceFirst(regex, replacement));
    }

    static UnaryOperator<Probe> header(String name, String value) {
        return p -> p.set(name, value);
    }

    static UnaryOperator<Probe> add(String name, String value) {
        return p -> p.with(name, value);
    }

    static UnaryOperator<Probe> remove(String name) {
        return p -> p.without(name);
    }

    static UnaryOperator<Probe> target(UnaryOperator<String> change) {
        return p -> p.withTarget(change.apply(p.target()));
    }

    static UnaryOperator<Probe> body(String json) {
        return p -> p.withBody(json);
    }

    /** The header value's last character changed (a signature one bit off, roughly). */
    static String flipLast(String value) {
        char last = value.charAt(value.length() - 1);
        return value.substring(0, value.length() - 1) + (last == '0' ? '1' : '0');
    }

    /** {@code text} as the ISO-8859-1 string of its UTF-8 bytes: how Probe sends UTF-8. */
    static String utf8(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static String repeat(String unit, int times) {
        return unit.repeat(times);
    }

    /** {@code depth} nested arrays around {@code inner}. */
    static String nested(int depth, String inner) {
        return "[".repeat(depth) + inner + "]".repeat(depth);
    }

    /** A number of {@code digits} digits. */
    static String digits(int digits) {
        return "9".repeat(digits);
    }
}

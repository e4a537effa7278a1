package dev.gatehouse.stores.json;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says which of Jackson's stream limits ({@code StreamReadConstraints}: nesting depth, number,
 * string and name length, document length, token count) a request body went past, in the client's
 * words and without Jackson's internals. Such a failure carries no location, so it is told apart
 * from malformed JSON.
 */
final class JsonLimits {

    /**
     * Jackson's wording: {@code <what> (<found>) exceeds the maximum allowed (<limit>, from ...)}.
     */
    private static final Pattern EXCEEDED =
            Pattern.compile(
                    "^(.+?) \\((\\d+)\\) (?:magnitude )?exceeds the maximum allowed \\((\\d+)");

    private JsonLimits() {}

    /** The limit {@code e} reports, itself or as a cause (databind may wrap it). */
    static Optional<StreamConstraintsException> cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                return Optional.of(limit);
            }
        }
        return Optional.empty();
    }

    static String exceeded(StreamConstraintsException e) {
        String reason = e.getOriginalMessage();
        Matcher matcher = EXCEEDED.matcher(reason == null ? "" : reason);
        if (!matcher.find()) {
            return "Request body exceeds a JSON limit";
        }
        return "Request body exceeds a JSON limit: "
                + describe(matcher.group(1))
                + " is "
                + matcher.group(2)
                + ", at most "
                + matcher.group(3)
                + " allowed";
    }

    private static String describe(String what) {
        return switch (what) {
            case "Document nesting depth" -> "nesting depth";
            case "Number value length" -> "a number's length";
            case "String value length" -> "a string's length";
            case "Name length" -> "a field name's length";
            case "Document length" -> "the document's length";
            case "Token count" -> "the number of tokens";
            case "BigDecimal scale" -> "a number's scale";
            default -> "a value";
        };
    }
}

package dev.gatehouse.auth.iam.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A policy string compiled once at parse time: literal text, the wildcards {@code *} (any run of
 * characters, including none, {@code /} and {@code :}) and {@code ?} (exactly one character), and
 * policy variables such as {@code ${aws:username}} whose values come from the request context.
 *
 * <p>Matching is a glob with one backtracking point (the last {@code *} seen): no regex, no
 * allocation, safe to share between threads.
 */
final class WildcardPattern implements ConditionValue {

    private static final byte LITERAL = 0;
    private static final byte ANY_RUN = 1;
    private static final byte ANY_CHAR = 2;
    private static final byte VARIABLE = 3;

    private final String source;
    private final byte[] kinds;

    /** The literal text, or the lower-cased context key of a variable. */
    private final String[] texts;

    /** A variable's default value ({@code ${key, 'default'}}), or null. */
    private final String[] defaults;

    private final boolean ignoreCase;
    private final boolean anything;
    private final boolean hasVariables;

    private WildcardPattern(
            String source, byte[] kinds, String[] texts, String[] defaults, boolean ignoreCase) {
        this.source = source;
        this.kinds = kinds;
        this.texts = texts;
        this.defaults = defaults;
        this.ignoreCase = ignoreCase;
        this.anything = kinds.length == 1 && kinds[0] == ANY_RUN;
        boolean variables = false;
        for (byte kind : kinds) {
            variables |= kind == VARIABLE;
        }
        this.hasVariables = variables;
    }

    /**
     * @param wildcards whether {@code *} and {@code ?} are wildcards (StringLike) or plain
     *     characters (StringEquals)
     * @param variables whether {@code ${...}} is a policy variable (Version 2012-10-17) or text
     * @throws InvalidPolicyException for a malformed variable; the message is a fragment for the
     *     caller to prefix with the element's path
     */
    static WildcardPattern compile(
            String source, boolean wildcards, boolean variables, boolean ignoreCase)
            throws InvalidPolicyException {
        List<Byte> kinds = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> defaults = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (wildcards && (c == '*' || c == '?')) {
                flush(literal, kinds, texts, defaults);
                boolean repeatedRun = c == '*' && !kinds.isEmpty() && last(kinds) == ANY_RUN;
                if (!repeatedRun) {
                    kinds.add(c == '*' ? ANY_RUN : ANY_CHAR);
                    texts.add(null);
                    defaults.add(null);
                }
            } else if (variables && c == '$' && source.startsWith("{", i + 1)) {
                int close = source.indexOf('}', i + 2);
                if (close < 0) {
                    throw new InvalidPolicyException(
                            "'" + source + "' has a policy variable '${' without a closing '}'");
                }
                String inner = source.substring(i + 2, close);
                if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
                    literal.append(inner); // ${*}, ${?}, ${$}: the character itself
                } else {
                    flush(literal, kinds, texts, defaults);
                    kinds.add(VARIABLE);
                    variable(source, inner, texts, defaults);
                }
                i = close;
            } else {
                literal.append(c);
            }
        }
        flush(literal, kinds, texts, defaults);
        byte[] kindArray = new byte[kinds.size()];
        for (int i = 0; i < kindArray.length; i++) {
            kindArray[i] = kinds.get(i);
        }
        return new WildcardPattern(
                source,
                kindArray,
                texts.toArray(String[]::new),
                defaults.toArray(String[]::new),
                ignoreCase);
    }

    private static void variable(
            String source, String inner, List<String> texts, List<String> defaults)
            throws InvalidPolicyException {
        int comma = inner.indexOf(',');
        String key = (comma < 0 ? inner : inner.substring(0, comma)).strip();
        String variable = "'" + source + "' has an invalid policy variable '${" + inner + "}'";
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidPolicyException(
                    variable + ": the context key name is empty or has spaces");
        }
        String fallback = null;
        if (comma >= 0) {
            fallback = inner.substring(comma + 1).strip();
            if (fallback.length() < 2 || !fallback.startsWith("'") || !fallback.endsWith("'")) {
                throw new InvalidPolicyException(
                        variable + ": the default value must be in single quotes");
            }
            fallback = fallback.substring(1, fallback.length() - 1);
        }
        texts.add(key.toLowerCase(Locale.ROOT));
        defaults.add(fallback);
    }

    private static byte last(List<Byte> kinds) {
        return kinds.get(kinds.size() - 1);
    }

    private static void flush(
            StringBuilder literal, List<Byte> kinds, List<String> texts, List<String> defaults) {
        if (literal.length() > 0) {
            kinds.add(LITERAL);
            texts.add(literal.toString());
            defaults.add(null);
            literal.setLength(0);
        }
    }

    @Override
    public boolean matches(String text, Map<String, List<String>> context) {
        return matches(text, 0, text.length(), context);
    }

    /**
     * Whether {@code text[from, to)} matches. A variable that cannot be resolved (key absent or
     * multivalued, and no default) matches nothing.
     */
    boolean matches(String text, int from, int to, Map<String, List<String>> context) {
        if (anything) {
            return true;
        }
        int n = kinds.length;
        int s = 0;
        int t = from;
        int starS = -1;
        int starT = 0;
        while (true) {
            if (s < n) {
                byte kind = kinds[s];
                if (kind == ANY_RUN) {
                    if (s == n - 1) {
                        return true; // a trailing * takes whatever is left
                    }
                    starS = s++;
                    starT = nextStart(text, s, t, to);
                    if (starT < 0) {
                        return false;
                    }
                    t = starT;
                    continue;
                }
                if (kind == ANY_CHAR) {
                    if (t < to) {
                        s++;
                        t++;
                        continue;
                    }
                } else {
                    String literal = kind == LITERAL ? texts[s] : resolve(s, context);
                    if (literal == null) {
                        return false;
                    }
                    if (startsWith(text, t, to, literal)) {
                        s++;
                        t += literal.length();
                        continue;
                    }
                }
            } else if (t == to) {
                return true;
            }
            // Mismatch: let the last * take more characters and retry from just after it.
            if (starS < 0 || starT >= to) {
                return false;
            }
            s = starS + 1;
            starT = nextStart(text, s, starT + 1, to);
            if (starT < 0) {
                return false;
            }
            t = starT;
        }
    }

    /**
     * Where, from {@code from} on, the token after a {@code *} can start: when it is a
     * case-sensitive literal, its next occurrence (String.indexOf is a vectorised intrinsic), else
     * {@code from} itself; -1 when the literal no longer occurs, as no longer run of the {@code *}
     * can then match.
     */
    private int nextStart(String text, int s, int from, int to) {
        if (kinds[s] != LITERAL || ignoreCase) {
            return from;
        }
        String literal = texts[s];
        int at = text.indexOf(literal, from);
        return at >= 0 && at + literal.length() <= to ? at : -1;
    }

    private boolean startsWith(String text, int t, int to, String literal) {
        int length = literal.length();
        if (t + length > to) {
            return false;
        }
        if (ignoreCase) {
            // Requests mostly spell actions as the policy does: try the exact bytes first.
            return text.startsWith(literal, t) || text.regionMatches(true, t, literal, 0, length);
        }
        // Policies and ARNs share long prefixes (partition, region, account): differences sit
        // late, so look at the last character before comparing the run.
        return length == 0
                || (text.charAt(t + length - 1) == literal.charAt(length - 1)
                        && text.startsWith(literal, t));
    }

    /** Whether the pattern has policy variables, whose values come from the request context. */
    boolean hasVariables() {
        return hasVariables;
    }

    /**
     * This pattern with each variable whose key has exactly one value in {@code fixed} replaced by
     * that value as literal text: what the pattern matches for every context in which {@code
     * fixed}'s keys win over all others (see {@link RequestContext}). Variables whose keys {@code
     * fixed} lacks or holds several values of stay variables. This very pattern when none changes.
     */
    WildcardPattern bind(Map<String, List<String>> fixed) {
        if (!hasVariables) {
            return this;
        }
        byte[] boundKinds = kinds.clone();
        String[] boundTexts = texts.clone();
        boolean changed = false;
        for (int s = 0; s < kinds.length; s++) {
            List<String> values = kinds[s] == VARIABLE ? fixed.get(texts[s]) : null;
            if (values != null && values.size() == 1) {
                boundKinds[s] = LITERAL;
                boundTexts[s] = values.get(0);
                changed = true;
            }
        }
        return changed
                ? new WildcardPattern(source, boundKinds, boundTexts, defaults, ignoreCase)
                : this;
    }

    /** Whether every variable of the pattern has a value (or a default) in this context. */
    boolean resolves(Map<String, List<String>> context) {
        if (!hasVariables) {
            return true;
        }
        for (int s = 0; s < kinds.length; s++) {
            if (kinds[s] == VARIABLE && resolve(s, context) == null) {
                return false;
            }
        }
        return true;
    }

    private String resolve(int s, Map<String, List<String>> context) {
        List<String> values = context.get(texts[s]);
        // Multivalued keys cannot be policy variables.
        return values != null && values.size() == 1 ? values.get(0) : defaults[s];
    }

    @Override
    public String toString() {
        return source;
    }
}

package dev.gatehouse.auth.iam.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The glob behind actions, resources and StringLike, including its backtracking. */
class WildcardPatternTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    *          | ''        | true
                    *          | anything  | true
                    ''         | ''        | true
                    ''         | a         | false
                    a          | a         | true
                    a          | ab        | false
                    ab         | a         | false
                    a*         | a         | true
                    *a         | ba        | true
                    *a         | ab        | false
                    a*b        | ab        | true
                    a*b        | axxb      | true
                    a*b        | axxbx     | false
                    a*b*c      | abc       | true
                    a*b*c      | aXbYbZc   | true
                    a*b*c      | aXbYc Z   | false
                    *ab*ab*    | xxabyyab  | true
                    *aab       | aaab      | true
                    **a**      | bab       | true
                    ?          | x         | true
                    ?          | ''        | false
                    ??         | x         | false
                    a?c        | abc       | true
                    a?c        | ac        | false
                    *?         | ''        | false
                    *?         | x         | true
                    ?*?        | xy        | true
                    ?*?        | x         | false
                    a*?*c      | abc       | true
                    a*?*c      | ac        | false
                    x/*/y      | x/a/b/y   | true
                    x:*:y      | x:a:b:y   | true
                    """)
    void globMatchesAsIamDescribes(String pattern, String text, boolean matches)
            throws InvalidPolicyException {
        WildcardPattern glob = WildcardPattern.compile(pattern, true, false, false);

        assertEquals(matches, glob.matches(text, Map.of()));
    }

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({"a*b, a*b, true", "a*b, axb, false", "a?b, a?b, true", "a?b, axb, false"})
    void withoutWildcardsStarAndQuestionMarkAreCharacters(
            String pattern, String text, boolean matches) throws InvalidPolicyException {
        WildcardPattern literal = WildcardPattern.compile(pattern, false, false, false);

        assertEquals(matches, literal.matches(text, Map.of()));
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({"Execute-API:Invoke, execute-api:invoke", "s3:get*, S3:GetObject"})
    void ignoreCaseFoldsLiteralCharacters(String pattern, String text)
            throws InvalidPolicyException {
        assertEquals(
                true, WildcardPattern.compile(pattern, true, false, true).matches(text, Map.of()));
        assertEquals(
                false,
                WildcardPattern.compile(pattern, true, false, false).matches(text, Map.of()));
    }

    @ParameterizedTest(name = "{0} ~ region of {1}")
    @CsvSource({"a*, xxabcyy, 2, 5, true", "abc, xxabcyy, 2, 5, true", "ab, xxabcyy, 2, 5, false"})
    void matchesARegionOfTheText(String pattern, String text, int from, int to, boolean matches)
            throws InvalidPolicyException {
        WildcardPattern glob = WildcardPattern.compile(pattern, true, false, false);

        assertEquals(matches, glob.matches(text, from, to, Map.of()));
    }

    /** Random patterns and texts over a small alphabet, against a regex translation. */
    @Test
    void agreesWithARegexOnRandomPatternsAndTexts() throws InvalidPolicyException {
        Random random = new Random(20261123);
        for (int round = 0; round < 20_000; round++) {
            String pattern = randomText(random, "ab/*?", 7);
            String text = randomText(random, "ab/", 9);
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            boolean expected =
                    Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();

            assertEquals(
                    expected,
                    WildcardPattern.compile(pattern, true, false, false).matches(text, Map.of()),
                    () -> pattern + " ~ " + text);
        }
    }

    private static String randomText(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}

package dev.gatehouse.stores.catalog;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that decides how text is matched: case- and accent-insensitive words ("Café
 * Lumière" and "cafe lumiere" are the same words), indexed by every prefix so that a query word
 * matches the start of a word ("boul" finds "Boulangerie").
 */
public final class SearchText {

    /** Longest prefix indexed; longer query words are cut to it. */
    static final int MAX_TERM_LENGTH = 24;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {}

    /** Lower-cases, strips accents (NFD, then drops combining marks) and folds ligatures. */
    public static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed)
                .replaceAll("")
                .toLowerCase(Locale.ROOT)
                .replace("œ", "oe")
                .replace("æ", "ae")
                .replace("ß", "ss")
                .replace("ø", "o")
                .replace("ł", "l");
    }

    /** The normalized words of a text, in order, without duplicates. */
    public static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : SEPARATORS.split(normalize(text))) {
            if (!word.isEmpty()) {
                words.add(
                        word.length() > MAX_TERM_LENGTH
                                ? word.substring(0, MAX_TERM_LENGTH)
                                : word);
            }
        }
        return words;
    }

    /** Every prefix of every word of a store's name, category and tags: its index terms. */
    public static Set<String> indexTerms(Store store) {
        Set<String> terms = new LinkedHashSet<>();
        StringBuilder text = new StringBuilder(store.name()).append(' ').append(store.category());
        store.tags().forEach(tag -> text.append(' ').append(tag));
        for (String word : words(text.toString())) {
            for (int end = 1; end <= word.length(); end++) {
                terms.add(word.substring(0, end));
            }
        }
        return terms;
    }
}

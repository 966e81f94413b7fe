package id.pasar.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The typo fallback of a text search, word by word (docs/search.md, "Typos"): when the
 * words find nothing, a listing matches when every word of the query matches its title,
 * either by its stem (the {@code indonesian} configuration, as the words search matches)
 * or by trigrams, a {@code strict_word_similarity} of at least {@value #THRESHOLD} to a
 * word of the title (pg_trgm's {@code <<%}). So one misspelt word among correct ones, or
 * several, still finds the listing, wherever the words stand in the title. Both are
 * served by indexes on every row (catalog V10), whose scans PostgreSQL ANDs word by word;
 * scans of the partial indexes of the words search it would not.
 *
 * <p>
 * The words are the query's runs of letters and digits, each once, at most
 * {@value #MAX_WORDS}. As in {@code websearch_to_tsquery}, a word right after a {@code -}
 * that starts a term is excluded (by its stem, anywhere in the listing's text) and
 * {@code or} outside quotes is no word; quotes only group.
 *
 * <p>
 * The text match of a typo match, the published formula's {@code textMatch}
 * ({@link id.pasar.catalog.RankingFormula}), is the mean over the required words of 1 for
 * a word whose stem is in the title, else its {@code strict_word_similarity} to the title
 * rounded to 6 decimals; the mean rounded to 6 decimals: how well the title holds the
 * query, word by word.
 */
record TypoWords(List<String> required, List<String> excluded) {

    /**
     * The least similarity of a query word to a word of the title. pg_trgm's {@code <<%}
     * reads it from {@code pg_trgm.strict_word_similarity_threshold}, which every
     * connection of the application sets (application.yml, {@code connection-init-sql});
     * the server's default is 0.5.
     */
    static final String THRESHOLD = "0.44";

    /**
     * Words beyond these are left out of the fallback: each costs a condition and a
     * similarity per match.
     */
    static final int MAX_WORDS = 8;

    /**
     * The title's stems: the weight-A lexemes of the search document, as catalog V10
     * indexes them.
     */
    private static final String TITLE_STEMS = "ts_filter(l.search, '{a}')";

    TypoWords {
        required = List.copyOf(required);
        excluded = List.copyOf(excluded);
    }

    /** The typo words of a search's text (trimmed and lower-cased by the controller). */
    static TypoWords of(String text) {
        Set<String> required = new LinkedHashSet<>();
        Set<String> excluded = new LinkedHashSet<>();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!Character.isLetterOrDigit(c)) {
                quoted ^= c == '"';
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            String word = text.substring(start, i);
            boolean negated = !quoted && start > 0 && text.charAt(start - 1) == '-'
                    && (start == 1 || Character.isWhitespace(text.codePointBefore(start - 1)));
            if (quoted || !word.equals("or")) {
                Set<String> words = negated ? excluded : required;
                if (words.size() < MAX_WORDS) {
                    words.add(word);
                }
            }
        }
        return new TypoWords(new ArrayList<>(required), new ArrayList<>(excluded));
    }

    /**
     * False when the text has no word to match (only punctuation, or only excluded
     * words).
     */
    boolean any() {
        return !required.isEmpty();
    }

    /**
     * Each word's stem, parsed once per search: functions in FROM, one row joined to
     * every match (as {@code ListingSearch}'s words).
     */
    String from() {
        StringBuilder from = new StringBuilder();
        for (int i = 0; i < required.size(); i++) {
            from.append(", plainto_tsquery('indonesian', :typo").append(i).append(") AS typo_stem").append(i);
        }
        for (int i = 0; i < excluded.size(); i++) {
            from.append(", plainto_tsquery('indonesian', :typoNot").append(i).append(") AS typo_not").append(i);
        }
        return from.toString();
    }

    /** The conditions of a typo match, ANDed with the search's others. */
    List<String> conditions() {
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < required.size(); i++) {
            conditions
                .add("(" + TITLE_STEMS + " @@ typo_stem" + i + " OR :typo" + i + " OPERATOR(public.<<%) l.title)");
        }
        for (int i = 0; i < excluded.size(); i++) {
            conditions.add("NOT l.search @@ typo_not" + i);
        }
        return conditions;
    }

    /**
     * The text match of a typo match: how well the title holds the required words, their
     * mean.
     */
    String rank() {
        StringJoiner sum = new StringJoiner(" + ", "round((", ") / " + required.size() + ", 6)");
        for (int i = 0; i < required.size(); i++) {
            sum.add("CASE WHEN " + TITLE_STEMS + " @@ typo_stem" + i
                    + " THEN 1 ELSE round(public.strict_word_similarity(:typo" + i + ", l.title)::numeric, 6) END");
        }
        return sum.toString();
    }

    StatementSpec bind(StatementSpec statement) {
        for (int i = 0; i < required.size(); i++) {
            statement = statement.param("typo" + i, required.get(i));
        }
        for (int i = 0; i < excluded.size(); i++) {
            statement = statement.param("typoNot" + i, excluded.get(i));
        }
        return statement;
    }
}

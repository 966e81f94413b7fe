package id.pasar.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every code in docs/errors.md answers in both languages: a code without an entry in the
 * default (Indonesian) bundle would answer its English text to everybody, and one without
 * an English entry would answer Indonesian to those who asked for English.
 */
class ProblemTranslationsTest {

    private static final Pattern ROW = Pattern.compile("^\\| \\d{3} \\| ([^|]+)\\|", Pattern.MULTILINE);

    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Z_]+)`");

    @ParameterizedTest
    @ValueSource(strings = { "i18n/problems.properties", "i18n/problems_en.properties" })
    void everyDocumentedCodeHasATitleAndADetail(String bundle) throws Exception {
        Properties texts = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> missing = new TreeSet<>();
        for (String code : documentedCodes()) {
            for (String part : new String[] { "title", "detail" }) {
                if (!texts.containsKey("problem." + code + "." + part)) {
                    missing.add(code + "." + part);
                }
            }
        }
        assertThat(missing).as("codes of docs/errors.md without a text in " + bundle).isEmpty();
    }

    /**
     * A key given twice is one text lost: {@link Properties} keeps the later, so a code
     * used at two places would answer the other place's words at one of them.
     */
    @ParameterizedTest
    @ValueSource(strings = { "i18n/problems.properties", "i18n/problems_en.properties" })
    void noKeyIsGivenTwice(String bundle) throws Exception {
        Set<String> keys = new HashSet<>();
        Set<String> twice = new TreeSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream(bundle), StandardCharsets.UTF_8))) {
            in.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && line.contains("="))
                .map(line -> line.substring(0, line.indexOf('=')).strip())
                .filter(key -> !keys.add(key))
                .forEach(twice::add);
        }
        assertThat(twice).as("keys given twice in " + bundle).isEmpty();
    }

    static Set<String> documentedCodes() throws Exception {
        String errors = Files.readString(Path.of("..", "docs", "errors.md"));
        Set<String> codes = new TreeSet<>();
        Matcher row = ROW.matcher(errors);
        while (row.find()) {
            Matcher code = CODE.matcher(row.group(1));
            while (code.find()) {
                codes.add(code.group(1));
            }
        }
        assertThat(codes).as("codes found in docs/errors.md").hasSizeGreaterThan(40);
        return codes;
    }

}

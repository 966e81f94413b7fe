package id.pasar.gateway.openapi;

import io.swagger.v3.oas.models.examples.Example;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * One example problem per code and status, in {@code components/examples}, with the
 * English title and detail that {@code i18n/problems_en.properties} gives the code (the
 * server answers in Indonesian unless asked for English). An operation's responses refer
 * to the examples of the codes they can carry.
 */
final class ProblemExamples {

    private static final String PREFIX = "problem.";

    private static final String TITLE = ".title";

    private static final Set<String> FIELD_ERRORS = Set.of("VALIDATION_FAILED", "MALFORMED_REQUEST",
            "INVALID_CHARACTER");

    private final Properties texts;

    private ProblemExamples(Properties texts) {
        this.texts = texts;
    }

    static ProblemExamples english() {
        try {
            return new ProblemExamples(PropertiesLoaderUtils.loadAllProperties("i18n/problems_en.properties"));
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Every code the server answers with, as the message bundle names them. */
    Set<String> codes() {
        return this.texts.stringPropertyNames()
            .stream()
            .filter(key -> key.startsWith(PREFIX) && key.endsWith(TITLE))
            .map(key -> key.substring(PREFIX.length(), key.length() - TITLE.length()))
            .collect(Collectors.toUnmodifiableSet());
    }

    /** The examples of one document, named by code (and status, where a code has two). */
    final class Collected {

        private final Map<String, Example> examples = new TreeMap<>();

        /**
         * The {@code $ref} of the example of {@code code} answered with {@code status}.
         */
        String of(int status, String code) {
            String name = code;
            Example existing = this.examples.get(name);
            if (existing != null && ((Map<?, ?>) existing.getValue()).get("status").equals(status)) {
                return "#/components/examples/" + name;
            }
            if (existing != null) {
                name = code + "." + status;
            }
            this.examples.computeIfAbsent(name, ignored -> example(status, code));
            return "#/components/examples/" + name;
        }

        Map<String, Example> all() {
            return this.examples;
        }

    }

    Collected collect() {
        return new Collected();
    }

    private Example example(int status, String code) {
        String title = this.texts.getProperty(PREFIX + code + TITLE, code);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("type", "urn:pasar:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        value.put("title", title);
        value.put("status", status);
        value.put("detail", this.texts.getProperty(PREFIX + code + ".detail", title));
        value.put("code", code);
        value.put("requestId", "5f0c2a0e9d1b4c7a");
        if (FIELD_ERRORS.contains(code)) {
            value.put("errors", List.of(Map.of("field", "items[0].quantity", "message", "must be greater than 0")));
        }
        return new Example().summary(status + " " + code + ": " + title).value(value);
    }

}

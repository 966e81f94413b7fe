package id.pasar.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a client generator and a mobile team read in {@code /v3/api-docs} beyond the
 * linters' rules (issue 22): every error response names the problem codes it can carry,
 * each with an example; no code that an operation's own words name is missing from its
 * responses; every body has an example that its schema accepts.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    /** "422 LISTING_NOT_AVAILABLE, ADDRESS_NOT_DOMESTIC": codes after their status. */
    private static final Pattern NAMED = Pattern.compile("\\b[45]\\d\\d ([A-Z][A-Z0-9_]*(?:,\\s+[A-Z][A-Z0-9_]*)*)");

    @LocalServerPort
    int port;

    JsonNode document;

    Set<String> codes;

    @BeforeAll
    void fetch() {
        this.document = new Api(port).get("/v3/api-docs").send().expect(200).json();
        this.codes = ProblemExamples.english().codes();
    }

    @Test
    void everyErrorResponseListsItsCodesEachWithAnExample() {
        List<String> wrong = new ArrayList<>();
        operations((endpoint, operation) -> operation.path("responses").propertyStream().forEach(response -> {
            String status = response.getKey();
            if (status.startsWith("4") || status.startsWith("5")) {
                JsonNode media = response.getValue().path("content").path("application/problem+json");
                if (!media.path("schema").path("$ref").asString("").endsWith("/Problem")
                        || media.path("examples").isEmpty()) {
                    wrong.add(endpoint + " " + status + ": no problem schema or no examples");
                }
                media.path("examples").propertyStream().forEach(example -> {
                    String ref = example.getValue().path("$ref").asString("");
                    JsonNode value = this.document.path("components")
                        .path("examples")
                        .path(ref.substring(ref.lastIndexOf('/') + 1))
                        .path("value");
                    if (!value.path("code").asString("").equals(example.getKey())
                            || !String.valueOf(value.path("status").asInt()).equals(status)
                            || !this.codes.contains(example.getKey())) {
                        wrong.add(endpoint + " " + status + ": example " + example.getKey() + " -> " + ref);
                    }
                    if (!response.getValue().path("description").asString("").contains("`" + example.getKey() + "`")) {
                        wrong.add(endpoint + " " + status + ": the description does not name " + example.getKey());
                    }
                });
            }
        }));
        assertThat(wrong).isEmpty();
    }

    /**
     * A code named after a status in an operation's summary, description or parameters
     * ("409 INVALID_STATE", "422 LISTING_NOT_AVAILABLE, ADDRESS_NOT_DOMESTIC") is one it
     * answers: the document, read from the code, must list it among its responses' codes.
     * This is what {@link Refusals}'s reading of the bytecode is checked against.
     */
    @Test
    void everyCodeAnOperationNamesIsAmongItsResponses() {
        List<String> missing = new ArrayList<>();
        operations((endpoint, operation) -> {
            Set<String> documented = new TreeSet<>();
            operation.path("responses")
                .forEach(response -> response.path("content")
                    .path("application/problem+json")
                    .path("examples")
                    .propertyStream()
                    .forEach(example -> documented.add(example.getKey())));
            StringBuilder words = new StringBuilder(operation.path("summary").asString(""));
            words.append(' ').append(operation.path("description").asString(""));
            operation.path("parameters")
                .forEach(parameter -> words.append(' ').append(parameter.path("description").asString("")));
            Matcher named = NAMED.matcher(words);
            while (named.find()) {
                for (String code : named.group(1).split(",\\s+")) {
                    if (this.codes.contains(code) && !documented.contains(code)) {
                        missing.add(endpoint + ": " + code);
                    }
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    /**
     * Every request body and every success body has an example, valid against its schema
     * (JSON Schema 2020-12, formats asserted): what a client generator and a reader of
     * the documentation copy. Photos and files are exempt.
     */
    @Test
    void everyBodyHasAValidExample() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        List<String> wrong = new ArrayList<>();
        operations((endpoint, operation) -> {
            List<Map.Entry<String, JsonNode>> bodies = new ArrayList<>();
            operation.path("requestBody")
                .path("content")
                .propertyStream()
                .forEach(media -> bodies.add(Map.entry("request " + media.getKey(), media.getValue())));
            operation.path("responses")
                .propertyStream()
                .filter(response -> response.getKey().startsWith("2"))
                .forEach(response -> response.getValue()
                    .path("content")
                    .propertyStream()
                    .forEach(media -> bodies
                        .add(Map.entry(response.getKey() + " " + media.getKey(), media.getValue()))));
            for (Map.Entry<String, JsonNode> body : bodies) {
                JsonNode media = body.getValue();
                if (!body.getKey().contains("json") || binary(media.path("schema"))) {
                    continue;
                }
                String where = endpoint + " " + body.getKey();
                if (!media.has("example")) {
                    wrong.add(where + ": no example");
                    continue;
                }
                ObjectNode schema = ((ObjectNode) media.path("schema")).deepCopy();
                schema.set("components", this.document.path("components"));
                registry.getSchema(schema)
                    .validate(media.path("example"),
                            context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                    .forEach(error -> wrong.add(where + ": " + error.getInstanceLocation() + " " + error.getMessage()));
            }
        });
        assertThat(wrong).isEmpty();
    }

    private boolean binary(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        return "binary".equals(resolved.path("format").asString("")) || resolved.path("properties")
            .valueStream()
            .anyMatch(property -> "binary".equals(resolve(property).path("format").asString("")));
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.isEmpty() ? schema
                : this.document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private void operations(java.util.function.BiConsumer<String, JsonNode> each) {
        this.document.path("paths")
            .propertyStream()
            .forEach(path -> path.getValue()
                .propertyStream()
                .forEach(
                        method -> each.accept(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue())));
    }

}

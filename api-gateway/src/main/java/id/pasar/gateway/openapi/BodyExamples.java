package id.pasar.gateway.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * An example of every request and success body that has none of its own: composed from
 * its schema, taking each value from the schema's or the property's own example
 * ({@code @Schema(example = ...)} on the record), else from
 * {@code openapi/examples.properties} by property name, else by rule (its format, an
 * amount in rupiah, a count). A whole body is named by its operation id, an item of an
 * array by the array's property, a map's key and value as {@code urls[key]} and
 * {@code urls[value]}. A string with none of these is left {@code null}, which
 * OpenApiDocumentTest refuses, naming it.
 */
final class BodyExamples {

    private static final int DEEPEST = 8;

    private final Properties values;

    private BodyExamples(Properties values) {
        this.values = values;
    }

    static BodyExamples load() {
        try {
            return new BodyExamples(PropertiesLoaderUtils.loadProperties(
                    new EncodedResource(new ClassPathResource("openapi/examples.properties"), StandardCharsets.UTF_8)));
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    void fill(OpenAPI document) {
        Map<String, Schema> schemas = document.getComponents().getSchemas();
        document.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null) {
                fill(operation.getRequestBody().getContent(), operation.getOperationId(), schemas);
            }
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        fill(response.getContent(), operation.getOperationId(), schemas);
                    }
                });
            }
        }));
    }

    /**
     * A body's own example, if it has none: a JSON body's; a photo, a file or a CSV is
     * not a value to show here.
     */
    private void fill(Content content, String operationId, Map<String, Schema> schemas) {
        if (content == null) {
            return;
        }
        content.forEach((type, media) -> {
            if (type.contains("json") && media.getSchema() != null && media.getExample() == null
                    && media.getExamples() == null && !binary(media, schemas)) {
                media.setExample(compose(media.getSchema(), null, operationId, schemas, 0));
            }
        });
    }

    /** Photos and files: their example is a file, not a value. */
    private static boolean binary(MediaType media, Map<String, Schema> schemas) {
        Schema<?> schema = resolve(media.getSchema(), schemas);
        if ("binary".equals(schema.getFormat())) {
            return true;
        }
        return schema.getProperties() != null && schema.getProperties()
            .values()
            .stream()
            .anyMatch(property -> "binary".equals(resolve((Schema<?>) property, schemas).getFormat()));
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private Object compose(Schema<?> declared, String owner, String property, Map<String, Schema> schemas, int depth) {
        if (declared.getExample() != null) {
            return declared.getExample();
        }
        String name = declared.get$ref() != null ? declared.get$ref().substring(declared.get$ref().lastIndexOf('/') + 1)
                : null;
        Schema<?> schema = resolve(declared, schemas);
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (depth > DEEPEST) {
            return null;
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return compose((Schema<?>) schema.getAllOf().get(0), owner, property, schemas, depth + 1);
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return compose((Schema<?>) schema.getOneOf().get(0), owner, property, schemas, depth + 1);
        }
        String type = type(schema);
        if ("array".equals(type)) {
            List<Object> items = new ArrayList<>();
            items.add(compose(schema.getItems(), owner, property, schemas, depth + 1));
            return items;
        }
        if ("object".equals(type) || schema.getProperties() != null) {
            Map<String, Object> value = new LinkedHashMap<>();
            if (schema.getProperties() != null) {
                schema.getProperties()
                    .forEach((key, child) -> value.put(key, compose((Schema<?>) child, name, key, schemas, depth + 1)));
            }
            else if (schema.getAdditionalProperties() instanceof Schema additional) {
                String key = given(owner, property + "[key]");
                value.put(key != null ? key : "key",
                        compose(additional, owner, property + "[value]", schemas, depth + 1));
            }
            return value;
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        Object given = typed(type, given(owner, property));
        return given != null ? given : byRule(type, schema, property);
    }

    private String given(String owner, String property) {
        if (property == null) {
            return null;
        }
        String specific = owner == null ? null : this.values.getProperty(owner + "." + property);
        return specific != null ? specific : this.values.getProperty(property);
    }

    /**
     * The value as the schema's type, or null where it is not one (a {@code version} that
     * is a number here and a date there).
     */
    private static Object typed(String type, String value) {
        if (value == null) {
            return null;
        }
        if ("integer".equals(type)) {
            return value.matches("-?\\d{1,18}") ? Long.valueOf(value) : null;
        }
        if ("number".equals(type)) {
            return value.matches("-?\\d{1,15}(\\.\\d{1,6})?") ? new BigDecimal(value) : null;
        }
        if ("boolean".equals(type)) {
            return "true".equals(value) || "false".equals(value) ? Boolean.valueOf(value) : null;
        }
        return value;
    }

    private static Object byRule(String type, Schema<?> schema, String property) {
        String name = property == null ? "" : property;
        if ("integer".equals(type)) {
            return clamp(schema, name.endsWith("Idr") ? 150_000 : 3).longValue();
        }
        if ("number".equals(type)) {
            return clamp(schema, 12.5);
        }
        if ("boolean".equals(type)) {
            return false;
        }
        if (schema.getFormat() == null) {
            return null;
        }
        switch (schema.getFormat()) {
            case "uuid":
                return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
            case "date-time":
                return "2026-12-12T02:30:00Z";
            case "date":
                return "2026-12-12";
            case "email":
                return "siti.rahayu@example.id";
            case "uri":
            case "uri-reference":
                return "https://pasar.id/";
            default:
                return null;
        }
    }

    private static BigDecimal clamp(Schema<?> schema, double preferred) {
        BigDecimal value = BigDecimal.valueOf(preferred);
        if (schema.getMinimum() != null && value.compareTo(schema.getMinimum()) < 0) {
            value = schema.getMinimum();
        }
        if (schema.getMaximum() != null && value.compareTo(schema.getMaximum()) > 0) {
            value = schema.getMaximum();
        }
        return value;
    }

    /** The type, also where OpenAPI 3.1 gives a list ({@code ["string", "null"]}). */
    private static String type(Schema<?> schema) {
        if (schema.getType() != null) {
            return schema.getType();
        }
        if (schema.getTypes() != null) {
            return schema.getTypes().stream().filter(type -> !"null".equals(type)).findFirst().orElse(null);
        }
        return null;
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> resolve(Schema<?> schema, Map<String, Schema> schemas) {
        Schema<?> resolved = schema;
        for (int hop = 0; resolved.get$ref() != null && hop < DEEPEST; hop++) {
            String ref = resolved.get$ref();
            Schema<?> target = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (target == null) {
                return resolved;
            }
            resolved = target;
        }
        return resolved;
    }

}

package id.pasar.gateway.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * The document-wide part of the contract that no single controller knows
 * (docs/openapi.md): every operation's security ({@code []} for the public ones, else the
 * roles the security rules let in), the RFC 9457 problem schema on every error it can
 * answer, the rate limits where they apply, tags by the user who calls, and unique
 * operation ids.
 */
final class OpenApiDocument implements GlobalOpenApiCustomizer {

    static final String PROBLEM = "Problem";

    private static final String PROBLEM_JSON = "application/problem+json";

    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    /** A status named in an operation's description, as "409 INVALID_STATE". */
    private static final Pattern NAMED_STATUS = Pattern.compile("\\b(409|413|415|422|502|503)\\b");

    private final RateLimits limits;

    private final Callers callers;

    OpenApiDocument(RateLimits limits, Callers callers) {
        this.limits = limits;
        this.callers = callers;
    }

    @Override
    public void customise(OpenAPI document) {
        document.getComponents().addSchemas(PROBLEM, problemSchema());
        if (document.getPaths() == null) {
            return;
        }
        Map<String, List<Operation>> byId = new TreeMap<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean bearer = declareSecurity(path, method, operation);
            tag(path, method, operation, bearer);
            respond(path, method, operation, bearer);
            byId.computeIfAbsent(operation.getOperationId(), id -> new ArrayList<>()).add(operation);
        }));
        byId.forEach((id, operations) -> {
            for (Operation operation : operations) {
                Object handler = operation.getExtensions() == null ? null
                        : operation.getExtensions().remove(OperationDocumentation.HANDLER);
                if (operations.size() > 1 && handler != null) {
                    operation.setOperationId(
                            prefix(handler.toString()) + Character.toUpperCase(id.charAt(0)) + id.substring(1));
                }
                if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
                    operation.setExtensions(null);
                }
            }
        });
    }

    /**
     * Public operations declare {@code security: []}; protected ones a bearer token with
     * the roles the security rules let in ({@link Callers}).
     */
    private boolean declareSecurity(String path, PathItem.HttpMethod method, Operation operation) {
        List<String> roles = this.callers.of(method.name(), path);
        operation.setSecurity(new ArrayList<>());
        if (roles == null) {
            return false;
        }
        operation.addSecurityItem(new SecurityRequirement().addList("bearer", roles));
        return true;
    }

    private void respond(String path, PathItem.HttpMethod method, Operation operation, boolean bearer) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        boolean input = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        // The firewall refuses a malformed path (INVALID_PATH) before any operation runs.
        problem(responses, "400", input ? "Malformed: bad JSON, wrong types, missing or out-of-range fields"
                : "Malformed: a path the firewall refuses (INVALID_PATH)");
        if (bearer) {
            problem(responses, "401", "No token, or an invalid or expired one");
            problem(responses, "403", "The caller's role may not do this");
        }
        if (path.contains("{")) {
            problem(responses, "404", "Not found, or not the caller's");
        }
        String description = operation.getDescription() == null ? "" : operation.getDescription();
        Matcher named = NAMED_STATUS.matcher(description + " " + nonNull(operation.getSummary()));
        while (named.find()) {
            problem(responses, named.group(1), "Refused: see the operation's description for the codes");
        }
        RateLimits.Limit limit = limits.of(method.name(), path);
        if (limit != null) {
            problem(responses, "429", "Rate limited: " + limit.describe());
            responses.get("429")
                .addHeaderObject("Retry-After",
                        new Header().description("Seconds to wait before trying again")
                            .schema(new IntegerSchema().format("int32")
                                .minimum(java.math.BigDecimal.ONE)
                                .maximum(java.math.BigDecimal.valueOf(86_400))));
            if (limit.headers()) {
                responses.forEach((status, response) -> {
                    if (status.startsWith("2") || status.startsWith("4")) {
                        response.addHeaderObject("RateLimit", new Header()
                            .description("The caller's quota left (draft-ietf-httpapi-ratelimit-headers): "
                                    + "limit, remaining and seconds to reset")
                            .schema(new StringSchema().maxLength(100).example("limit=30, remaining=29, reset=60")));
                        response.addHeaderObject("RateLimit-Policy",
                                new Header().description("The limit and its window in seconds: " + limit.describe())
                                    .schema(new StringSchema().maxLength(100).example(limit.policy())));
                    }
                });
            }
        }
        problem(responses, "500", "Something failed on our side; quote the requestId when you report it");
        responses.forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() == null) {
                response.setContent(problemContent());
            }
            else if ((status.startsWith("4") || status.startsWith("5")) && response.getContent() != null) {
                response.getContent().forEach((type, media) -> {
                    if (media.getSchema() == null || "string".equals(media.getSchema().getType())) {
                        media.setSchema(new Schema<>().$ref(PROBLEM_REF));
                    }
                });
            }
        });
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)));
    }

    /** Tags by the user who calls: shopper, seller, creator, officer, auditor, admin. */
    private static void tag(String path, PathItem.HttpMethod method, Operation operation, boolean bearer) {
        List<String> tags = new ArrayList<>(operation.getTags() == null ? List.of() : operation.getTags());
        String user = Users.of(method.name(), path, bearer);
        if (user != null && !tags.contains(user)) {
            tags.add(0, user);
        }
        operation.setTags(tags);
    }

    private static String prefix(String handler) {
        String name = handler.endsWith("Controller") ? handler.substring(0, handler.length() - "Controller".length())
                : handler;
        return name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** RFC 9457 with the fields this API adds (docs/errors.md). */
    @SuppressWarnings({ "rawtypes", "unchecked" })
    static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type",
                new StringSchema().format("uri-reference")
                    .maxLength(2048)
                    .description("A URI naming the kind of problem")
                    .example("about:blank"));
        properties.put("title",
                new StringSchema().maxLength(200)
                    .description("Short, in the request's language")
                    .example("Not enough stock"));
        properties.put("status",
                new IntegerSchema().format("int32")
                    .minimum(java.math.BigDecimal.valueOf(400))
                    .maximum(java.math.BigDecimal.valueOf(599))
                    .example(409));
        properties.put("detail",
                new StringSchema().maxLength(2000)
                    .description("In the request's language")
                    .example("Only 2 left of this listing."));
        properties.put("instance",
                new StringSchema().format("uri-reference").maxLength(2048).example("/api/v1/orders"));
        properties.put("code",
                new StringSchema().pattern("^[A-Z][A-Z0-9_]*$")
                    .maxLength(64)
                    .description("Stable machine code (docs/errors.md); never translated")
                    .example("INSUFFICIENT_STOCK"));
        properties.put("requestId",
                new StringSchema().pattern("^[A-Za-z0-9._-]+$")
                    .maxLength(64)
                    .description("The X-Request-Id of the request")
                    .example("5f0c2a0e9d1b4c7a"));
        Map<String, Schema> fieldProperties = new LinkedHashMap<>();
        fieldProperties.put("field", new StringSchema().maxLength(200).example("items[0].quantity"));
        fieldProperties.put("message", new StringSchema().maxLength(500).example("must be greater than 0"));
        properties.put("errors",
                new ArraySchema().items(new ObjectSchema().properties(fieldProperties))
                    .maxItems(1000)
                    .description("Field errors of a 400"));
        Map<String, Object> example = new HashMap<>();
        example.put("type", "about:blank");
        example.put("title", "Not enough stock");
        example.put("status", 409);
        example.put("detail", "Only 2 left of this listing.");
        example.put("instance", "/api/v1/orders");
        example.put("code", "INSUFFICIENT_STOCK");
        example.put("requestId", "5f0c2a0e9d1b4c7a");
        example.put("listingId", "0b5e7c8a-3d4f-4a1b-9c2d-6e7f8a9b0c1d");
        Schema schema = new ObjectSchema().properties(properties)
            .required(List.of("type", "title", "status", "code"))
            .description("An RFC 9457 problem (application/problem+json). Some codes add fields: reasons and "
                    + "decisionId (COMPLIANCE_REJECTED), listingId (INSUFFICIENT_STOCK), state (INVALID_STATE) "
                    + "and others named in docs/errors.md.")
            .additionalProperties(true);
        schema.setExample(example);
        return schema;
    }

}

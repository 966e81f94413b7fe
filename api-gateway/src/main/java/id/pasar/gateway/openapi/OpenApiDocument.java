package id.pasar.gateway.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
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
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
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

    /** What a status means, where the operation says nothing of its own. */
    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(400,
                    "Malformed: bad JSON, wrong types, missing or out-of-range fields, a path the firewall refuses"),
            Map.entry(401, "No token, or an invalid or expired one"), Map.entry(403, "The caller may not do this"),
            Map.entry(404, "Not found, or not the caller's"), Map.entry(409, "In conflict with the present state"),
            Map.entry(413, "Too large"), Map.entry(415, "A media type this operation does not take"),
            Map.entry(422, "Refused by a business rule"), Map.entry(429, "Too many requests"),
            Map.entry(500, "Something failed on our side; quote the requestId when you report it"),
            Map.entry(502, "A partner service (payment gateway, courier, bank) failed"),
            Map.entry(503, "Unavailable for a moment (the database, a partner); retry after Retry-After"));

    private final RateLimits limits;

    private final Callers callers;

    private final ProblemExamples examples;

    private final BodyExamples bodies;

    OpenApiDocument(RateLimits limits, Callers callers, ProblemExamples examples, BodyExamples bodies) {
        this.limits = limits;
        this.callers = callers;
        this.examples = examples;
        this.bodies = bodies;
    }

    @Override
    public void customise(OpenAPI document) {
        document.getComponents().addSchemas(PROBLEM, problemSchema());
        ProblemExamples.Collected examples = this.examples.collect();
        if (document.getPaths() == null) {
            return;
        }
        Map<String, List<Operation>> byId = new TreeMap<>();
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean bearer = declareSecurity(path, method, operation);
            tag(path, method, operation, bearer);
            respond(path, method, operation, bearer, examples);
            byId.computeIfAbsent(operation.getOperationId(), id -> new ArrayList<>()).add(operation);
        }));
        examples.all().forEach(document.getComponents()::addExamples);
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
        // After the ids are unique: a body's example may be named by its operation's id.
        this.bodies.fill(document);
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

    /**
     * Every answer the operation can give with a problem: the codes its code answers
     * ({@link Refusals}, carried from {@link OperationDocumentation}), and those the
     * framework answers by rule (bad JSON, a missing token, a rate limit, a concurrent
     * change, the database gone), each status listing its codes, with an example of each.
     */
    private void respond(String path, PathItem.HttpMethod method, Operation operation, boolean bearer,
            ProblemExamples.Collected examples) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        SortedMap<Integer, SortedSet<String>> codes = new TreeMap<>();
        Object found = operation.getExtensions() == null ? null
                : operation.getExtensions().remove(OperationDocumentation.REFUSALS);
        if (found instanceof Map<?, ?> byStatus) {
            byStatus.forEach((status, named) -> ((Set<?>) named)
                .forEach(code -> refuse(codes, (Integer) status, code.toString())));
        }
        // The firewall refuses a malformed path (INVALID_PATH) before any operation runs.
        refuse(codes, 400, "INVALID_PATH");
        if (operation.getRequestBody() != null) {
            refuse(codes, 400, "MALFORMED_REQUEST", "VALIDATION_FAILED", "INVALID_CHARACTER");
            refuse(codes, 413, "PAYLOAD_TOO_LARGE");
            refuse(codes, 415, "UNSUPPORTED_MEDIA_TYPE");
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (!parameters.isEmpty()) {
            refuse(codes, 400, "INVALID_PARAMETER", "VALIDATION_FAILED", "INVALID_CHARACTER");
        }
        for (Parameter parameter : parameters) {
            if (Boolean.TRUE.equals(parameter.getRequired()) && "query".equals(parameter.getIn())) {
                refuse(codes, 400, "MISSING_PARAMETER");
            }
            if (Boolean.TRUE.equals(parameter.getRequired()) && "header".equals(parameter.getIn())) {
                refuse(codes, 400, "MISSING_HEADER");
            }
        }
        if (bearer) {
            refuse(codes, 401, "UNAUTHORIZED");
            refuse(codes, 403, "FORBIDDEN");
        }
        RateLimits.Limit limit = this.limits.of(method.name(), path);
        if (limit != null) {
            refuse(codes, 429, limit.code());
        }
        // Any statement may meet a concurrent one (a lock timeout, a deadlock, an
        // optimistic
        // version, a replica's replay): the answer is "read it again and retry".
        refuse(codes, 409, "CONCURRENT_UPDATE");
        refuse(codes, 500, "INTERNAL_ERROR");
        refuse(codes, 503, "SERVICE_UNAVAILABLE");
        for (Map.Entry<Integer, SortedSet<String>> status : codes.entrySet()) {
            String key = status.getKey().toString();
            ApiResponse response = responses.get(key);
            if (response == null) {
                response = new ApiResponse().description(DESCRIPTIONS.getOrDefault(status.getKey(), "Refused"));
                responses.addApiResponse(key, response);
            }
            response.setDescription(response.getDescription() + ". Codes: "
                    + String.join(", ", status.getValue().stream().map(code -> "`" + code + "`").toList()) + ".");
            MediaType media = new MediaType().schema(new Schema<>().$ref(PROBLEM_REF));
            for (String code : status.getValue()) {
                media.addExamples(code, new Example().$ref(examples.of(status.getKey(), code)));
            }
            response.setContent(new Content().addMediaType(PROBLEM_JSON, media));
        }
        if (limit != null) {
            limit(responses, limit);
        }
        if (responses.containsKey("503")) {
            responses.get("503").addHeaderObject("Retry-After", retryAfter());
        }
    }

    private static void refuse(SortedMap<Integer, SortedSet<String>> codes, int status, String... named) {
        codes.computeIfAbsent(status, ignored -> new TreeSet<>()).addAll(List.of(named));
    }

    /** 429 with Retry-After, and the quota headers on the answers that carry them. */
    private static void limit(ApiResponses responses, RateLimits.Limit limit) {
        ApiResponse tooMany = responses.get("429");
        tooMany.setDescription("Rate limited: " + limit.describe() + ". " + tooMany.getDescription());
        tooMany.addHeaderObject("Retry-After", retryAfter());
        if (limit.headers()) {
            responses.forEach((status, response) -> {
                if (status.startsWith("2") || status.startsWith("4")) {
                    response.addHeaderObject("RateLimit",
                            new Header()
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

    private static Header retryAfter() {
        return new Header().description("Seconds to wait before trying again")
            .schema(new IntegerSchema().format("int32")
                .minimum(java.math.BigDecimal.ONE)
                .maximum(java.math.BigDecimal.valueOf(86_400)));
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

package id.pasar.security;

import id.pasar.Api;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The API's endpoints as {@code "METHOD /path"}: as the application maps them, and as its
 * OpenAPI document describes them.
 */
final class Inventory {

    static final String API = "/api/";

    /**
     * Photos are served outside the JSON API, at stable asset URLs (docs/media.md), but
     * they are endpoints all the same: mapped, documented and in the role matrix.
     */
    static final String MEDIA = "/media/";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");

    private Inventory() {
    }

    /**
     * Every controller mapping under {@code /api/} and {@code /media/}; a mapping without
     * methods is listed as {@code ANY}.
     */
    static Set<String> mapped(RequestMappingHandlerMapping mappings) {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith(API) && !pattern.startsWith(MEDIA)) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    endpoints.add("ANY " + pattern);
                }
                methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
            }
        }
        return endpoints;
    }

    /** Every operation of {@code /v3/api-docs}, whatever its path. */
    static Set<String> documented(Api api) {
        return operations(api).keySet();
    }

    /** Every operation of {@code /v3/api-docs} with its OpenAPI object. */
    static Map<String, JsonNode> operations(Api api) {
        JsonNode paths = api.get("/v3/api-docs").send().expect(200).json().get("paths");
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
                }
            }
        }
        return operations;
    }

}

package id.pasar.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * OWASP API9 (improper inventory management): the OpenAPI document is the inventory, and
 * it is exactly the API the application serves: every mapped endpoint is documented,
 * nothing documented is missing, everything is under the one version {@code /api/v1}, and
 * an operation says it needs a bearer token exactly when the role matrix says it is not
 * public.
 */
@IntegrationTest
class Api9ImproperInventoryTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void theDocumentDescribesExactlyTheMappedEndpoints() {
        assertThat(Inventory.documented(api)).containsExactlyInAnyOrderElementsOf(Inventory.mapped(mappings));
    }

    /** The one exception: photos, served as immutable assets at {@code /media/}. */
    @Test
    void everyDocumentedEndpointIsUnderTheOneApiVersion() {
        assertThat(Inventory.documented(api))
            .allSatisfy(endpoint -> assertThat(endpoint.substring(endpoint.indexOf(' ') + 1).startsWith("/api/v1/")
                    || endpoint.equals("GET /media/{mediaId}/{width}.jpg"))
                .as(endpoint)
                .isTrue());
    }

    @Test
    void anOperationAsksForABearerTokenExactlyWhenItIsProtected() {
        JsonNode document = api.get("/v3/api-docs").send().expect(200).json();
        boolean globalBearer = requiresBearer(document.path("security"));
        Map<String, JsonNode> operations = Inventory.operations(api);
        Set<String> protectedEndpoints = RoleMatrix.rows()
            .stream()
            .filter(row -> !row.isPublic())
            .map(RoleMatrix.Row::endpoint)
            .collect(Collectors.toSet());
        operations.forEach((endpoint, operation) -> {
            boolean bearer = operation.has("security") ? requiresBearer(operation.get("security")) : globalBearer;
            assertThat(bearer).as(endpoint + " documents a bearer token")
                .isEqualTo(protectedEndpoints.contains(endpoint));
        });
    }

    private static boolean requiresBearer(JsonNode security) {
        return security.isArray() && security.valueStream().anyMatch(requirement -> requirement.has("bearer"));
    }

}

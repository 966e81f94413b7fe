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
 * an operation's security names exactly the roles of the role matrix ({@code []} for a
 * public one).
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
    void anOperationNamesExactlyTheRolesTheRoleMatrixLetsIn() {
        Map<String, JsonNode> operations = Inventory.operations(api);
        Map<String, Set<String>> matrix = RoleMatrix.rows()
            .stream()
            .collect(Collectors.toMap(RoleMatrix.Row::endpoint, RoleMatrix.Row::roles));
        operations.forEach((endpoint, operation) -> {
            JsonNode security = operation.path("security");
            assertThat(security.isArray()).as(endpoint + " declares its security").isTrue();
            Set<String> documented = security.isEmpty() ? Set.of(RoleMatrix.ANYONE)
                    : security.valueStream()
                        .flatMap(requirement -> requirement.path("bearer").valueStream())
                        .map(JsonNode::asString)
                        .collect(Collectors.toSet());
            assertThat(documented).as(endpoint + " documents the roles that may call it")
                .containsExactlyInAnyOrderElementsOf(matrix.get(endpoint));
        });
    }

}

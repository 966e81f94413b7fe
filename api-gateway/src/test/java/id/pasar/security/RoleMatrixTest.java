package id.pasar.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * OWASP API5 (broken function-level authorization), for every endpoint at once: each row
 * of {@code security/role-matrix.csv} is called anonymously and with a token of each
 * role, with a dummy body and random ids. Anonymous on a protected endpoint is 401
 * {@code UNAUTHORIZED}, a role not in the row is 403 {@code FORBIDDEN}, and an allowed
 * caller gets past security (whatever the dummy input then earns: 2xx, 400, 404, 422
 * ...). The table must list exactly the endpoints the application maps and its OpenAPI
 * document describes, so a new endpoint without a row fails here.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

    /**
     * Sent on every call, so that endpoints that require a reason for staff reads do not
     * refuse for lack of one.
     */
    static final String ACCESS_REASON = "role matrix test";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Api api;

    /** A token per role; anonymous is {@code null}. */
    final Map<String, String> tokens = new LinkedHashMap<>();

    @BeforeAll
    void callers() {
        api = new Api(port);
        tokens.put("anonymous", null);
        tokens.put("SHOPPER", api.newAccount("SHOPPER"));
        tokens.put("SELLER", api.newAccount("SELLER"));
        tokens.put("CREATOR", api.newAccount("CREATOR"));
        tokens.put("COMPLIANCE_OFFICER", api.newStaffAccount("COMPLIANCE_OFFICER"));
        tokens.put("AUDITOR", api.newStaffAccount("AUDITOR"));
        tokens.put("ADMIN", api.adminToken());
    }

    @Test
    void theMatrixListsEveryMappedEndpointAndNothingElse() {
        assertThat(RoleMatrix.endpoints())
            .as("role-matrix.csv against the application's request mappings under /api/ "
                    + "(add a row for a new endpoint, remove the row of a removed one)")
            .containsExactlyInAnyOrderElementsOf(Inventory.mapped(mappings));
    }

    @Test
    void theMatrixListsEveryDocumentedEndpointAndNothingElse() {
        assertThat(RoleMatrix.endpoints()).as("role-matrix.csv against the operations of /v3/api-docs")
            .containsExactlyInAnyOrderElementsOf(Inventory.documented(api));
    }

    @Test
    void everyRowIsUniqueAndEveryProtectedRowNamesARole() {
        List<RoleMatrix.Row> rows = RoleMatrix.rows();
        assertThat(rows.stream().map(RoleMatrix.Row::endpoint)).doesNotHaveDuplicates();
        assertThat(rows).allSatisfy(row -> assertThat(row.roles()).isNotEmpty());
        assertThat(rows).filteredOn(RoleMatrix.Row::isPublic).allSatisfy(row -> assertThat(row.roles()).hasSize(1));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheMatrixSays() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RoleMatrix.Row row : RoleMatrix.rows()) {
            tokens.forEach((caller, token) -> tests
                .add(DynamicTest.dynamicTest(row.endpoint() + " as " + caller, () -> check(row, caller, token))));
        }
        return tests.stream();
    }

    private void check(RoleMatrix.Row row, String caller, String token) {
        Api.Response response = call(row, token);
        String code = response.contentType() != null && response.contentType().startsWith("application/problem+json")
                ? response.json().path("code").asString("") : "";
        String what = row.endpoint() + " as " + caller + " answered " + response.status() + " " + response.body();
        if (token == null && !row.isPublic()) {
            assertThat(response.status()).as(what).isEqualTo(401);
            assertThat(code).as(what).isEqualTo("UNAUTHORIZED");
        }
        else if (token != null && !row.allows(caller)) {
            assertThat(response.status()).as(what).isEqualTo(403);
            assertThat(code).as(what).isEqualTo("FORBIDDEN");
        }
        else {
            // Past security; a 401 may only be the endpoint's own refusal (a bad payment
            // signature), never the token's.
            assertThat(response.status()).as(what).isNotEqualTo(403);
            assertThat(code).as(what).isNotIn("UNAUTHORIZED", "FORBIDDEN");
            assertThat(response.status()).as(what).isLessThan(500);
        }
    }

    private Api.Response call(RoleMatrix.Row row, String token) {
        String path = row.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        Api.Request request = switch (row.method()) {
            case "GET" -> api.get(path);
            case "DELETE" -> api.delete(path);
            case "POST" -> api.post(path, "{}");
            case "PUT" -> api.put(path, "{}");
            case "PATCH" -> api.patch(path, "{}");
            default -> throw new IllegalStateException("role-matrix.csv: no call for method " + row.method());
        };
        request.header("X-Access-Reason", ACCESS_REASON);
        if (token != null) {
            request.bearer(token);
        }
        return request.send();
    }

}

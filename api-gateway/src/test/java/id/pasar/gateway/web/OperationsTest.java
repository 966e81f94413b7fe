package id.pasar.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class OperationsTest {

    @Autowired
    BuildProperties build;

    @LocalServerPort
    int port;

    @Test
    void healthLivenessAndReadinessAreUpWithTheDatabase() {
        Api api = new Api(port);
        assertThat(api.get("/actuator/health").send().expect(200).json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness").send().expect(200).json().get("status").asString())
            .isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness").send().expect(200).json().get("status").asString())
            .isEqualTo("UP");
    }

    @Test
    void infoNamesTheApplicationsVersionAndNothingOfTheJvm() {
        Api.Response response = new Api(port).get("/actuator/info").send().expect(200);
        JsonNode info = response.json();
        assertThat(info.get("application").get("version").asString()).isEqualTo(build.getVersion());
        assertThat(info.size()).as("only the application").isEqualTo(1);
        assertThat(response.body()).doesNotContain(System.getProperty("java.version"),
                System.getProperty("java.vendor"));
    }

    @Test
    void metricsAreForAdminsOnly() {
        Api api = new Api(port);
        api.get("/actuator/prometheus").send().expect(401);
        api.get("/actuator/prometheus").bearer(api.newAccount("SHOPPER")).send().expect(403);
        String metrics = api.get("/actuator/prometheus").bearer(api.adminToken()).send().expect(200).body();
        assertThat(metrics).contains("http_server_requests_seconds_count", "hikaricp_connections", "status=\"401\"",
                "status=\"403\"");
        // Spring Security's own per-filter, authentication and authorization observations
        // are off (their cost: docs/performance.md); the refusals above are counted by
        // http_server_requests instead.
        assertThat(metrics).doesNotContain("spring_security_filterchains", "spring_security_authorizations",
                "spring_security_authentications");
    }

    @Test
    void openApiDocumentIsValidOpenApi3AndDescribesTheApi() {
        Api.Response response = new Api(port).get("/v3/api-docs").send().expect(200);

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(response.body());
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/v1/auth/register", "/api/v1/auth/token",
                "/api/v1/admin/users", "/api/v1/regions/provinces", "/api/v1/regions/provinces/{code}/regencies");
        assertThat(parsed.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("bearer");
    }

    @Test
    void swaggerUiIsServed() {
        Api.Response response = new Api(port).get("/swagger-ui/index.html").send().expect(200);
        assertThat(response.body()).contains("swagger");
    }

    @Test
    void responsesCarrySecurityHeadersAndNoSession() {
        Api.Response response = new Api(port).get("/api/v1/regions/provinces").send();
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Set-Cookie")).isNull();
    }

    @Test
    void corsIsClosedByDefault() {
        Api.Response response = new Api(port).get("/api/v1/regions/provinces")
            .header("Origin", "https://evil.example")
            .send();
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

}

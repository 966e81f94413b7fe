package id.pasar.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OWASP API8 (security misconfiguration): errors say nothing about the inside, Actuator
 * shows health and info only (metrics to ADMIN), CORS is closed, responses carry the
 * security headers, and odd methods and paths get a problem, not a server page. The happy
 * headers and a simple cross-origin GET are in {@code gateway.web.OperationsTest}; the
 * problem shape in {@code gateway.web.ProblemsTest}.
 */
@IntegrationTest
class Api8SecurityMisconfigurationTest {

    /** What a leaking error body would contain. */
    private static final String[] INTERNALS = { "Exception", "exception", "at id.pasar", "at org.", "at java.",
            "tools.jackson", "org.springframework", "org.hibernate", "org.postgresql", "SQL", "stackTrace", "trace",
            "Caused by" };

    @LocalServerPort
    int port;

    Api api;

    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void badInputNeverShowsTheInside() {
        String seller = CatalogFixtures.pendingSeller(api).token();
        String shopper = api.newAccount("SHOPPER");
        String auditor = api.newStaffAccount("AUDITOR");
        Map<String, Api.Request> requests = new LinkedHashMap<>();
        requests.put("truncated JSON", api.post("/api/v1/listings", "{\"title\": ").bearer(seller));
        requests.put("a wrong type",
                api.post("/api/v1/listings", "{\"title\": \"T\", \"priceIdr\": \"murah\"}").bearer(seller));
        requests.put("a number too big",
                api.post("/api/v1/listings", "{\"title\": \"T\", \"stock\": 99999999999999999999999}").bearer(seller));
        requests.put("an array for an object",
                api.post("/api/v1/orders", "[1, 2]").bearer(shopper).header("Idempotency-Key", "a"));
        requests.put("a null body", api.put("/api/v1/listings/" + UUID.randomUUID(), "null").bearer(seller));
        requests.put("an unknown charset", api.post("/api/v1/auth/register", null)
            .rawBody(HttpRequest.BodyPublishers.ofString("{}"), "application/json;charset=klingon"));
        requests.put("bytes that are not UTF-8",
                api.post("/api/v1/auth/register", null)
                    .rawBody(
                            HttpRequest.BodyPublishers
                                .ofByteArray(new byte[] { '{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}' }),
                            "application/json"));
        requests.put("a path id that is not a UUID", api.get("/api/v1/orders/not-a-uuid").bearer(shopper));
        requests.put("a query number that is not one", api.get("/api/v1/catalog/listings?minPriceIdr=abc"));
        requests.put("an unknown enum in the query",
                api.get("/api/v1/compliance/decisions?subjectType=FOO").bearer(auditor));
        requests.put("a date that is not one",
                api.get("/api/v1/compliance/reports/sellers?from=kemarin").bearer(auditor));
        requests.put("a forged cursor", api.get("/api/v1/catalog/listings?cursor=eyJ4IjoxfQ"));
        requests.put("an Accept the API cannot produce",
                api.get("/api/v1/catalog/categories").header("Accept", "application/xml"));
        SoftAssertions.assertSoftly(softly -> requests.forEach((what, request) -> {
            Api.Response response = request.send();
            softly.assertThat(response.status()).as(what + ": " + response.body()).isBetween(400, 499);
            softly.assertThat(response.contentType())
                .as(what + ": " + response.body())
                .startsWith("application/problem+json");
            softly.assertThat(response.body()).as(what).contains("\"code\":").doesNotContain(INTERNALS);
        }));
    }

    @Test
    void pathsTheFirewallRefusesAreProblemsToo() {
        for (String path : List.of("/api/v1/catalog/listings;jsessionid=1", "/api/v1/%2e%2e/%2e%2e/actuator/env")) {
            Api.Response response = api.get(path).send();
            response.expect(400);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).as(path).isEqualTo("INVALID_PATH");
            assertThat(response.json().get("requestId").asString()).as(path).isEqualTo(response.header("X-Request-Id"));
        }
    }

    /**
     * A URI the servlet container itself refuses (an encoded NUL or {@code /}) never
     * reaches the application, so its answer is the container's bare 400 page rather than
     * a problem (docs/security.md): it still names no server, version or internals.
     */
    @Test
    void aUriTheContainerCannotDecodeIsABare400() {
        for (String path : List.of("/api/v1/catalog/listings/%00", "/api/v1/catalog%2Flistings")) {
            Api.Response response = api.get(path).send();
            response.expect(400);
            assertThat(response.body()).as(path)
                .doesNotContain(INTERNALS)
                .doesNotContain("Tomcat", "Apache", "Catalina");
        }
    }

    @Test
    void actuatorShowsOnlyHealthAndInfoAndNeverTheSecrets() {
        String shopper = api.newAccount("SHOPPER");
        String admin = api.adminToken();
        for (String endpoint : List.of("env", "beans", "configprops", "heapdump", "threaddump", "loggers", "mappings",
                "metrics", "conditions", "scheduledtasks", "caches", "shutdown", "")) {
            String path = "/actuator" + (endpoint.isEmpty() ? "" : "/" + endpoint);
            assertThat(api.get(path).send().status()).as("anonymous " + path).isEqualTo(401);
            assertThat(api.get(path).bearer(shopper).send().status()).as("shopper " + path).isEqualTo(403);
            if (!endpoint.isEmpty()) {
                assertThat(api.get(path).bearer(admin).send().status()).as("admin " + path + " (not exposed)")
                    .isEqualTo(404);
            }
        }
        String health = api.get("/actuator/health").send().expect(200).body();
        assertThat(health).doesNotContain("components", "details", "jdbc", "postgres");
    }

    @Test
    void aPreflightFromAnUnknownOriginIsNotAllowed() throws Exception {
        HttpResponse<String> preflight = http
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/orders"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void everyKindOfAnswerCarriesTheSecurityHeaders() {
        Map<String, Api.Response> answers = new LinkedHashMap<>();
        answers.put("200 JSON", api.get("/api/v1/catalog/categories").send());
        answers.put("200 JSON with a token", api.get("/api/v1/orders").bearer(api.newAccount("SHOPPER")).send());
        answers.put("200 CSV",
                api.get("/api/v1/compliance/reports/listings")
                    .bearer(api.newStaffAccount("AUDITOR"))
                    .header("Accept", "text/csv")
                    .send());
        answers.put("401", api.get("/api/v1/orders").send());
        answers.put("404", api.get("/api/v1/nothing-here").send());
        answers.put("400", api.post("/api/v1/auth/register", "{").send());
        answers.forEach((what, response) -> {
            assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).as(what).isEqualTo("DENY");
            assertThat(response.header("Cache-Control")).as(what).contains("no-store");
            assertThat(response.header("Content-Security-Policy")).as(what)
                .contains("frame-ancestors 'none'")
                .contains("default-src 'none'");
            assertThat(response.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
            assertThat(response.header("Set-Cookie")).as(what).isNull();
            assertThat(response.header("Server")).as(what).isNull();
            assertThat(response.header("X-Powered-By")).as(what).isNull();
            // HSTS only where the connection is HTTPS (the TLS-terminating proxy sends it
            // over HTTP): docs/security.md
            assertThat(response.header("Strict-Transport-Security")).as(what).isNull();
        });
    }

    @Test
    void traceIsNotAllowed() throws Exception {
        HttpResponse<String> trace = http
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/catalog/categories"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody())
                .header("X-Secret", "echo-me")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(trace.statusCode()).isEqualTo(405);
        assertThat(trace.body()).doesNotContain("echo-me");
    }

}

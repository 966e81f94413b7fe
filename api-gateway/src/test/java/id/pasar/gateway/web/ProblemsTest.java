package id.pasar.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.kernel.KeysetCursor;
import id.pasar.onboarding.SellerFixtures;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every failure a client can cause is an RFC 9457 problem with a stable code, and never a
 * 500.
 */
@IntegrationTest
class ProblemsTest {

    private static final String REGISTER = "/api/v1/auth/register";

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    /** The shape every problem has, whatever its status. */
    private static JsonNode problem(Api.Response response, int status, String code) {
        response.expect(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("type").asString()).isEqualTo("urn:pasar:problem:" + code.toLowerCase().replace('_', '-'));
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
        assertThat(response.body()).doesNotContain("Exception", "at id.pasar", "at org.", "SQL", "trace");
        return body;
    }

    /**
     * One cursor codec for every list (ADR 0015): whatever a client makes up, or replays
     * from another list, is INVALID_CURSOR.
     */
    @Test
    void everyListRefusesACursorItDidNotGiveOut() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String shopper = api.newAccount("SHOPPER");
        String officer = api.newStaffAccount("COMPLIANCE_OFFICER");
        String auditor = api.newStaffAccount("AUDITOR");
        String ofOrders = Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(("orders|" + Instant.now() + "|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        Map<String, String> tokenByList = new LinkedHashMap<>();
        tokenByList.put("/api/v1/catalog/listings?q=batik&cursor=", null); // catalog
        tokenByList.put("/api/v1/catalog/listings?cursor=", null);
        tokenByList.put("/api/v1/sellers/me/listings?cursor=", seller.token());
        tokenByList.put("/api/v1/orders?cursor=", shopper); // orders
        tokenByList.put("/api/v1/sellers/me/orders?cursor=", seller.token());
        tokenByList.put("/api/v1/compliance/seller-applications?cursor=", officer); // onboarding
        tokenByList.put("/api/v1/sellers/me/data-access?cursor=", seller.token());
        tokenByList.put("/api/v1/compliance/decisions?cursor=", auditor); // compliance
        tokenByList.put("/api/v1/compliance/reports/data-access?cursor=", auditor);
        tokenByList.forEach((list, token) -> {
            for (String cursor : List.of("abc", "%21%21", ofOrders)) {
                if (list.startsWith("/api/v1/orders") && cursor.equals(ofOrders)) {
                    continue; // a well-formed cursor of this very list
                }
                Api.Request request = api.get(list + cursor).header("X-Access-Reason", "checking the cursor refusal");
                problem((token == null ? request : request.bearer(token)).send(), 400, "INVALID_CURSOR");
            }
            // Longer than any cursor given out (its @Size, in the OpenAPI document too).
            Api.Request tooLong = api.get(list + "a".repeat(KeysetCursor.MAX_LENGTH + 1))
                .header("X-Access-Reason", "checking the cursor refusal");
            problem((token == null ? tooLong : tooLong.bearer(token)).send(), 400, "VALIDATION_FAILED");
        });
        api.get("/api/v1/orders?cursor=" + ofOrders).bearer(shopper).send().expect(200);
    }

    @Test
    void malformedJsonIs400() {
        problem(api.post(REGISTER, "{\"email\": \"a@b.id\", ").send(), 400, "MALFORMED_REQUEST");
        problem(api.post(REGISTER, "not json at all").send(), 400, "MALFORMED_REQUEST");
        problem(api.post(REGISTER, "").send(), 400, "MALFORMED_REQUEST");
        problem(api.post(REGISTER, "{} {}").send(), 400, "MALFORMED_REQUEST");
    }

    @Test
    void wrongTypesAre400NamingTheField() {
        JsonNode body = problem(api
            .post(REGISTER,
                    "{\"email\": [1,2], \"password\": \"long-enough-pw\", "
                            + "\"displayName\": \"X\", \"role\": \"SHOPPER\"}")
            .send(), 400, "MALFORMED_REQUEST");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("email");

        body = problem(api
            .post(REGISTER, Map.of("email", "a@b.id", "password", "long-enough-pw", "displayName", "X", "role", "KING"))
            .send(), 400, "MALFORMED_REQUEST");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("role");

        // An enum is never read from a number (4 would otherwise be ADMIN).
        problem(api
            .post(REGISTER,
                    "{\"email\": \"a@b.id\", \"password\": \"long-enough-pw\", \"displayName\": \"X\", "
                            + "\"role\": 4}")
            .send(), 400, "MALFORMED_REQUEST");
    }

    @Test
    void missingFieldsAre400WithEveryFieldNamed() {
        JsonNode body = problem(api.post(REGISTER, Map.of()).send(), 400, "VALIDATION_FAILED");
        assertThat(body.get("errors").valueStream().map(error -> error.get("field").asString()).toList())
            .containsExactlyInAnyOrder("email", "password", "displayName", "role");
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        String huge = "{\"email\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}";
        problem(api.post(REGISTER, huge).send(), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aChunkedBodyThatGrowsPastOneMebibyteIs413() {
        byte[] huge = ("{\"email\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}").getBytes();
        HttpRequest.BodyPublisher chunked = new HttpRequest.BodyPublisher() {
            private final HttpRequest.BodyPublisher delegate = HttpRequest.BodyPublishers.ofByteArray(huge);

            @Override
            public long contentLength() {
                return -1; // unknown length: sent chunked, without Content-Length
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                delegate.subscribe(subscriber);
            }
        };
        problem(api.post(REGISTER, null).rawBody(chunked, "application/json").send(), 413, "PAYLOAD_TOO_LARGE");
    }

    /**
     * PostgreSQL stores no NUL in text: a request that carries one is refused whole, and
     * nothing of it is stored.
     */
    @Test
    void aNulCharacterIs400AndStoresNothing() {
        problem(api.get("/api/v1/catalog/listings?q=batik%00tulis").send(), 400, "INVALID_CHARACTER");
        String email = "nul-" + System.nanoTime() + "@example.id";
        problem(api
            .post(REGISTER,
                    Map.of("email", email, "password", "long-enough-pw", "displayName", "Bu\u0000di", "role",
                            "SHOPPER"))
            .send(), 400, "INVALID_CHARACTER");
        problem(api.post("/api/v1/auth/token", Map.of("email", "nul\u0000" + email, "password", "long-enough-pw"))
            .send(), 400, "INVALID_CHARACTER");
        // the refused registration left no account behind: the same email registers now
        api.post(REGISTER,
                Map.of("email", email, "password", "long-enough-pw", "displayName", "Budi", "role", "SHOPPER"))
            .send()
            .expect(201);
    }

    /**
     * A right-to-left override makes "rtl\u202egnp.exe" read as "rtlexe.png": free text
     * is plain text, refused whole.
     */
    @Test
    void controlAndBidiCharactersInFreeTextAre400NamingTheField() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        for (String title : List.of("rtl\u202egnp.exe", "Batik\u0007Tulis", "iso\u2066late\u2069", "C1\u0085text",
                "kopi\u001bbubuk")) {
            JsonNode body = problem(
                    api.post("/api/v1/listings", CatalogFixtures.with(CatalogFixtures.listing("x"), "title", title))
                        .bearer(seller.token())
                        .send(),
                    400, "INVALID_CHARACTER");
            assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("title");
            assertThat(body.toString()).as("the value is not echoed").doesNotContain(title);
        }
        JsonNode nested = problem(
                api.post("/api/v1/sellers", Map.of("shopName", "Toko\u202eAman", "sellerType", "INDIVIDUAL"))
                    .bearer(api.newAccount("SELLER"))
                    .send(),
                400, "INVALID_CHARACTER");
        assertThat(nested.get("errors").get(0).get("field").asString()).isEqualTo("shopName");
        assertThat(api.get("/api/v1/sellers/me/listings").bearer(seller.token()).send().expect(200).json().get("items"))
            .as("nothing stored")
            .isEmpty();
        // tabs and line breaks are text
        api.post("/api/v1/listings", CatalogFixtures.with(CatalogFixtures.listing("Tikar Pandan"), "description",
                "Anyaman tangan.\r\nUkuran:\t2 x 1 m\nWarna alami."))
            .bearer(seller.token())
            .send()
            .expect(201);
    }

    /**
     * java.net.URI refuses a malformed escape, so these go out over a plain socket, as
     * any client could send them.
     */
    @Test
    void anUndecodableQueryStringIs400NotA500() throws Exception {
        for (String target : List.of("/api/v1/catalog/listings?q=%zz", "/api/v1/catalog/listings?q=batik&size=%4")) {
            String response = rawGet(target);
            assertThat(response).as(target)
                .startsWith("HTTP/1.1 400")
                .contains("Content-Type: application/problem+json")
                .contains("\"code\":\"INVALID_PARAMETER\"");
        }
    }

    /**
     * Tomcat refuses these before any filter runs (issue 18, item 6): they still get a
     * problem with a code, never an empty body or Tomcat's page.
     */
    @Test
    void aRequestTomcatCannotParseIs400WithAProblem() throws Exception {
        for (String request : List.of("GET /api/v1/catalog/listings?q={batik} HTTP/1.1\r\nHost: localhost\r\n",
                "GET /api/v1/catalog/listings?q=a|b HTTP/1.1\r\nHost: localhost\r\n",
                "GET /api/v1/catalog/listings HTTP/1.1\r\nHost: localhost\r\n(request): test\r\n")) {
            String response = raw(request + "Connection: close\r\n\r\n");
            assertThat(response).as(request)
                .startsWith("HTTP/1.1 400")
                .contains("Content-Type: application/problem+json")
                .contains("\"code\":\"MALFORMED_REQUEST\"")
                .doesNotContain("Tomcat")
                .doesNotContain("<html");
        }
    }

    private String rawGet(String target) throws IOException {
        return raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    /** Sends bytes no HTTP client would, and reads the whole answer, head and body. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anUnknownPathIs404ForEveryone() {
        problem(api.get("/api/v1/no-such-thing").send(), 404, "NOT_FOUND");
        problem(api.post("/api/v1/sellers/nothing/here", "{}").send(), 404, "NOT_FOUND");
        problem(api.get("/no-such-thing").bearer(api.newAccount("SHOPPER")).send(), 404, "NOT_FOUND");
        // under the shoppers' open reads, which are decided before the unmapped check
        problem(api.get("/api/v1/catalog/no-such-thing").send(), 404, "NOT_FOUND");
        problem(api.get("/api/v1/regions/11/no-such-thing").send(), 404, "NOT_FOUND");
    }

    @Test
    void aKnownPathWithAnotherMethodIs405() {
        Api.Response response = api.delete("/api/v1/auth/token").send();
        problem(response, 405, "METHOD_NOT_ALLOWED");
        assertThat(response.header("Allow")).contains("POST");
        Api.Response write = api.post("/api/v1/catalog/listings", "{}").send();
        problem(write, 405, "METHOD_NOT_ALLOWED");
        assertThat(write.header("Allow")).contains("GET");
    }

    @Test
    void aWildcardContentTypeIs415() {
        for (String wildcard : List.of("*/*", "application/*", "text/*", "not a media type")) {
            for (String path : List.of(REGISTER, "/api/v1/auth/token", "/api/v1/payments/notifications",
                    "/api/v1/listings")) {
                problem(api.post(path, null).rawBody(HttpRequest.BodyPublishers.ofString("{}"), wildcard).send(), 415,
                        "UNSUPPORTED_MEDIA_TYPE");
            }
        }
    }

    /**
     * Strict coercion for the whole API: money never silently loses its fraction, a text
     * is not a number.
     */
    @Test
    void numbersOfTheWrongJsonTypeAre400NamingTheField() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        Map<String, Object> listing = CatalogFixtures.listing("Keranjang Rotan Kecil");
        for (Object price : List.<Object>of(1.5, "150000", 150000.0, true)) {
            JsonNode body = problem(api.post("/api/v1/listings", CatalogFixtures.with(listing, "priceIdr", price))
                .bearer(seller.token())
                .send(), 400, "MALFORMED_REQUEST");
            assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("priceIdr");
        }
        problem(api.post("/api/v1/listings", CatalogFixtures.with(listing, "stock", "10"))
            .bearer(seller.token())
            .send(), 400, "MALFORMED_REQUEST");
        assertThat(api.get("/api/v1/sellers/me/listings").bearer(seller.token()).send().expect(200).json().get("items"))
            .as("nothing stored")
            .isEmpty();

        String shopper = api.newAccount("SHOPPER");
        String listingId = CatalogFixtures.publishedListing(api, seller, listing);
        for (Object quantity : List.<Object>of(1.5, "1", 1.0)) {
            String order = "{\"items\":[{\"listingId\":\"" + listingId + "\",\"quantity\":" + Api.json(quantity)
                    + "}],\"shippingAddress\":{\"recipientName\":\"Siti\",\"phone\":\"081234567890\","
                    + "\"street\":\"Jl. Kenanga 12\",\"regencyCode\":\"3273\",\"postalCode\":\"40115\"}}";
            problem(api.post("/api/v1/orders", null)
                .rawBody(HttpRequest.BodyPublishers.ofString(order), "application/json")
                .bearer(shopper)
                .header("Idempotency-Key", "coerce-" + quantity)
                .send(), 400, "MALFORMED_REQUEST");
        }
        assertThat(api.get("/api/v1/orders").bearer(shopper).send().expect(200).json().get("items")).isEmpty();
    }

    /**
     * A date is ISO text: a number (days since 1970 to Jackson) or a year PostgreSQL
     * cannot store was a 500 from the database.
     */
    @Test
    void aDateThatIsNotIsoTextIs400AndStoresNothing() {
        String seller = api.newAccount("SELLER");
        Map<String, Object> identity = SellerFixtures.passport(SellerFixtures.passportNumber(), "IDN",
                LocalDate.of(1990, 6, 15), "FEMALE", LocalDate.now().plusYears(5), null);
        for (Object expiry : List.<Object>of(-1_316_883_391, 20_300_101, "-3608018-05-31", "+12026-01-01",
                "2026-02-30")) {
            Map<String, Object> wrong = new HashMap<>(identity);
            wrong.put("expiryDate", expiry);
            problem(api.post("/api/v1/sellers", SellerFixtures.application("INDIVIDUAL", wrong)).bearer(seller).send(),
                    400, "MALFORMED_REQUEST");
        }
        api.get("/api/v1/sellers/me").bearer(seller).send().expect(404);
    }

    @Test
    void aKeyGivenTwiceIs400AndStoresNothing() {
        String email = "twice-" + UUID.randomUUID() + "@pasar.id";
        String body = "{\"email\":\"first-" + email + "\",\"email\":\"" + email + "\",\"password\":\"long-enough-pw\","
                + "\"displayName\":\"Dua Kali\",\"role\":\"SHOPPER\"}";

        problem(api.post(REGISTER, null).rawBody(HttpRequest.BodyPublishers.ofString(body), "application/json").send(),
                400, "MALFORMED_REQUEST");

        api.post("/api/v1/auth/token", Map.of("email", email, "password", "long-enough-pw")).send().expect(401);
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFound() {
        problem(api.get("/error").send(), 404, "NOT_FOUND");
        problem(api.post("/error", Map.of()).send(), 404, "NOT_FOUND");
    }

    @Test
    void traceIs405AsAProblem() throws IOException {
        String answer = raw("TRACE /api/v1/catalog/listings HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 405")
            .containsIgnoringCase("content-type: application/problem+json")
            .contains("\"code\":\"METHOD_NOT_ALLOWED\"")
            .doesNotContain("timestamp");
    }

    @Test
    void anAcceptOfNothingWeProduceIs406WithABody() {
        for (String accept : List.of("x", "image/png", "text/html")) {
            problem(api.get("/api/v1/catalog/categories").header("Accept", accept).send(), 406, "NOT_ACCEPTABLE");
        }
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        problem(api.post(REGISTER, null)
            .rawBody(HttpRequest.BodyPublishers.ofString("email=a"), "application/x-www-form-urlencoded")
            .send(), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aConflictIs409() {
        String email = "twice-" + System.nanoTime() + "@example.id";
        Map<String, String> body = Map.of("email", email, "password", "long-enough-pw", "displayName", "X", "role",
                "SHOPPER");
        api.post(REGISTER, body).send().expect(201);
        problem(api.post(REGISTER, body).send(), 409, "EMAIL_TAKEN");
    }

    @Test
    void authenticationAndRoleFailuresAreProblemsToo() {
        problem(api.post("/api/v1/admin/users", "{}").send(), 401, "UNAUTHORIZED");
        problem(api.post("/api/v1/admin/users", "{}").bearer(api.newAccount("SHOPPER")).send(), 403, "FORBIDDEN");
    }

    @Test
    void aModuleRefusalKeepsItsOwnCode() {
        problem(api.get("/api/v1/regions/provinces/99/regencies").send(), 404, "PROVINCE_NOT_FOUND");
    }

    @Test
    void theCallersRequestIdIsEchoedAndAnUnsafeOneReplaced() {
        Api.Response echoed = api.get("/api/v1/regions/provinces").header("X-Request-Id", "mobile-7f3a").send();
        assertThat(echoed.header("X-Request-Id")).isEqualTo("mobile-7f3a");

        Api.Response replaced = api.get("/api/v1/regions/provinces").header("X-Request-Id", "x".repeat(65)).send();
        assertThat(replaced.header("X-Request-Id")).hasSize(36);

        List<String> ids = List.of(api.get("/api/v1/regions/provinces").send().header("X-Request-Id"),
                api.get("/api/v1/regions/provinces").send().header("X-Request-Id"));
        assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
    }

}

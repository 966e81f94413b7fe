package id.pasar.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OWASP API4 (unrestricted resource consumption): every list is capped at 100 items a
 * page, every body at 1 MiB, every collection and text in a request has a bound, and no
 * statement of a request runs longer than the database's statement timeout. The rate
 * limits have their own tests: {@code gateway.accounts.LoginThrottleTest} (token
 * requests, per account) and
 * {@code orders.OrdersTest#orderPlacementIsRateLimitedPerShopper} (30 orders a minute per
 * shopper).
 */
@IntegrationTest
class Api4ResourceConsumptionTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void noPageHoldsMoreThanAHundredItems() {
        String shopper = api.newAccount("SHOPPER");
        String seller = id.pasar.catalog.CatalogFixtures.pendingSeller(api).token();
        String officer = api.newStaffAccount("COMPLIANCE_OFFICER");
        String auditor = api.newStaffAccount("AUDITOR");
        String creator = id.pasar.social.SocialFixtures.verifiedCreator(api).token();
        Map<String, String> pages = Map.ofEntries(Map.entry("/api/v1/catalog/listings", ""),
                Map.entry("/api/v1/orders", shopper), Map.entry("/api/v1/sellers/me/listings", seller),
                Map.entry("/api/v1/sellers/me/orders", seller), Map.entry("/api/v1/sellers/me/ledger", seller),
                Map.entry("/api/v1/sellers/me/webhook/deliveries", seller),
                Map.entry("/api/v1/sellers/me/payouts", seller), Map.entry("/api/v1/creators/me/ledger", creator),
                Map.entry("/api/v1/creators/me/payouts", creator),
                Map.entry("/api/v1/compliance/seller-applications", officer),
                Map.entry("/api/v1/compliance/creator-applications", officer),
                Map.entry("/api/v1/compliance/decisions", auditor), Map.entry("/api/v1/feed", shopper),
                Map.entry("/api/v1/discover", ""));
        pages.forEach((path, token) -> {
            for (String size : List.of("1000", "101", "0", "-1", "2147483648")) {
                Api.Response response = get(path + "?size=" + size, token);
                assertThat(response.status()).as(path + "?size=" + size).isEqualTo(400);
                assertThat(response.json().get("code").asString()).isIn("VALIDATION_FAILED", "INVALID_PARAMETER");
            }
            assertThat(get(path + "?size=100", token).status()).as(path + "?size=100").isEqualTo(200);
        });
    }

    @Test
    void bodiesOverOneMebibyteAre413BeforeAnythingElseRuns() {
        String huge = "{\"title\": \"" + "a".repeat(1024 * 1024) + "\"}";
        for (Api.Request request : List.of(api.post("/api/v1/listings", huge).bearer(api.newAccount("SELLER")),
                // even before the token is looked at
                api.post("/api/v1/payments/notifications", huge), api.post("/api/v1/listings", huge))) {
            Api.Response response = request.send();
            response.expect(413);
            assertThat(response.json().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void collectionsAndTextsInRequestsAreBounded() {
        String shopper = api.newAccount("SHOPPER");
        List<Map<String, Object>> items = new ArrayList<>(
                Collections.nCopies(51, Map.of("listingId", UUID.randomUUID(), "quantity", 1)));
        Api.Response tooMany = api
            .post("/api/v1/orders", Map.of("items", items, "shippingAddress", id.pasar.orders.OrderFixtures.ADDRESS))
            .bearer(shopper)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .send();
        tooMany.expect(400);
        assertThat(tooMany.json().get("errors").valueStream().map(error -> error.get("field").asString()))
            .contains("items");

        api.get("/api/v1/catalog/listings?q=" + "a".repeat(201)).send().expect(400);
        api.post("/api/v1/orders", "{}").bearer(shopper).header("Idempotency-Key", "k".repeat(101)).send().expect(400);
        // a deeply nested body is refused as malformed, not parsed until the stack runs
        // out
        Api.Response deep = api.post("/api/v1/auth/register", "[".repeat(5_000) + "]".repeat(5_000)).send();
        deep.expect(400);
        assertThat(deep.json().get("code").asString()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void everyPooledConnectionHasTheStatementTimeout() throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            // more than one, so that connections Flyway used are among them
            for (int i = 0; i < 8; i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection connection : held) {
                try (Statement statement = connection.createStatement();
                        ResultSet timeout = statement.executeQuery("SHOW statement_timeout")) {
                    timeout.next();
                    assertThat(timeout.getString(1)).isEqualTo("5s");
                }
            }
        }
        finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    /**
     * What the problem handler answers 503 SERVICE_UNAVAILABLE (Retry-After), not 500.
     */
    @Test
    void aStatementOverTheTimeoutIsCancelledAsAnUnavailableDatabase() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL statement_timeout = '50ms'");
            jdbc.execute("SELECT pg_sleep(2)");
        })).isInstanceOfAny(QueryTimeoutException.class, DataAccessResourceFailureException.class);
    }

    private Api.Response get(String path, String token) {
        // Staff reads of seller data must give a reason (api.md); the page size is what
        // is tested here.
        Api.Request request = api.get(path).header("X-Access-Reason", "API4 page size test");
        if (!token.isEmpty()) {
            request.bearer(token);
        }
        return request.send();
    }

}

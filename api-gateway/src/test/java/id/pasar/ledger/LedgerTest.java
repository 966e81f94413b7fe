package id.pasar.ledger;

import static id.pasar.ledger.LedgerFixtures.balance;
import static id.pasar.ledger.LedgerFixtures.balanceOnceSettled;
import static id.pasar.ledger.LedgerFixtures.completed;
import static id.pasar.ledger.LedgerFixtures.number;
import static id.pasar.ledger.LedgerFixtures.paid;
import static id.pasar.ledger.LedgerFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.ledger.LedgerFixtures.Paid;
import id.pasar.orders.OrderFixtures;
import id.pasar.orders.OrderPaid;
import id.pasar.orders.OrderStatus;
import id.pasar.orders.OrderSteps;
import id.pasar.orders.RefundSucceeded;
import id.pasar.orders.SellerOrderClosed;
import id.pasar.orders.internal.OrderJobs;
import id.pasar.orders.internal.RefundJobs;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Sellers get paid (issue 20): a paid order is owed to its seller, pending; a completed
 * one becomes available less the fee of the schedule in force at placement and the PPh 22
 * withheld; a refunded one is owed back to the shopper. Every posting balances, is posted
 * once however often its event is delivered, and nothing changes it.
 */
@IntegrationTest
class LedgerTest {

    /** anyaman-rotan (the fixtures' listings) is under kerajinan: 3.50 % in version 1. */
    private static final long CRAFT_RATE_BP = 350;

    @LocalServerPort
    int port;

    @Autowired
    OrderJobs orderJobs;

    @Autowired
    RefundJobs refundJobs;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    Api api;

    String shopper;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shopper = api.newAccount("SHOPPER");
    }

    @Test
    void aCompletedOrderPostsBalancedEntriesOnceEvenWhenItsEventsAreDeliveredTwice() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        Paid paid = paid(api, seller, shopper, 120_000, 2);
        long shipping = paid.totalIdr() - paid.subtotalIdr();
        await().atMost(Duration.ofSeconds(15))
            .untilAsserted(
                    () -> assertThat(balance(api, seller).get("pendingIdr").asLong()).isEqualTo(paid.totalIdr()));
        assertThat(balance(api, seller).get("availableIdr").asLong()).isZero();

        completed(api, seller, shopper, paid, orderJobs);
        long fee = (240_000 * CRAFT_RATE_BP + 5_000) / 10_000;
        long tax = 240_000 * 50 / 10_000;
        assertThat(fee).isEqualTo(8_400);
        assertThat(tax).as("0.5 % of the items, not of the shipping").isEqualTo(1_200);
        JsonNode balance = balanceOnceSettled(api, seller, paid.totalIdr() - fee - tax);
        assertThat(balance.get("pendingIdr").asLong()).isZero();
        assertThat(balance.get("withheldTaxIdr").asLong()).isEqualTo(tax);

        // the outbox delivers both events again: nothing more is posted
        UUID sellerOrder = UUID.fromString(paid.sellerOrderId());
        Instant closedAt = Instant.now();
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new OrderPaid(UUID.fromString(paid.orderId()), paid.totalIdr(), closedAt, closedAt,
                    List.of(new OrderPaid.SellerOrderPaid(sellerOrder, UUID.fromString(seller.sellerId()),
                            paid.subtotalIdr(), shipping, Map.of("anyaman-rotan", paid.subtotalIdr()), List.of()))));
            events.publishEvent(new SellerOrderClosed(UUID.fromString(paid.orderId()), sellerOrder,
                    UUID.fromString(seller.sellerId()), OrderStatus.COMPLETED, paid.subtotalIdr(), shipping, closedAt));
        });
        await().atMost(Duration.ofSeconds(15))
            .until(() -> number("SELECT count(*) FROM gateway.event_publication WHERE completion_date IS NULL "
                    + "AND (event_type LIKE '%OrderPaid' OR event_type LIKE '%SellerOrderClosed')") == 0);
        assertThat(number("SELECT count(*) FROM ledger.transactions WHERE seller_order_id = ?", sellerOrder))
            .as("one payment, one completion")
            .isEqualTo(2);
        assertThat(balance(api, seller).get("availableIdr").asLong()).isEqualTo(paid.totalIdr() - fee - tax);
        assertThat(number("SELECT count(*) FROM ledger.withholdings WHERE seller_order_id = ?", sellerOrder))
            .isEqualTo(1);
        assertThat(number("""
                SELECT count(*) FROM (SELECT transaction_id FROM ledger.entries GROUP BY transaction_id
                HAVING sum(amount_idr) <> 0) unbalanced""")).as("every transaction sums to zero").isZero();

        // the seller's statement: the sale, its release, the fee, the tax with its
        // invoice
        JsonNode lines = LedgerFixtures.statement(api, seller);
        assertThat(lines.valueStream()
            .map(l -> l.get("account").asString() + " " + l.get("type").asString() + " " + l.get("amountIdr").asLong()
                    + " " + l.get("balanceAfterIdr").asLong()))
            .containsExactly("SELLER_PENDING SALE " + paid.totalIdr() + " " + paid.totalIdr(),
                    "SELLER_PENDING SALE_RELEASED " + -paid.totalIdr() + " 0",
                    "SELLER_AVAILABLE SALE_RELEASED " + paid.totalIdr() + " " + paid.totalIdr(),
                    "SELLER_AVAILABLE FEE " + -fee + " " + (paid.totalIdr() - fee),
                    "SELLER_AVAILABLE TAX " + -tax + " " + (paid.totalIdr() - fee - tax),
                    "SELLER_WITHHELD_TAX TAX " + tax + " " + tax);
        assertThat(lines.get(4).get("invoiceNumber").asString()).matches("INV/PSR/\\d{4}/\\d{10}");
        String csv = api.get("/api/v1/sellers/me/ledger")
            .bearer(seller.token())
            .header("Accept", "text/csv")
            .send()
            .expect(200)
            .body();
        assertThat(csv.lines()).hasSize(7).first().asString().startsWith("entryId,occurredAt,account,type,amountIdr");
    }

    @Test
    void feesFollowTheScheduleVersionInForceWhenTheOrderWasPlaced() throws Exception {
        // a version announced for 2099 with another craft rate; an order placed then pays
        // it
        sql("INSERT INTO ledger.fee_schedules (version, effective_from, default_rate_bp, note) "
                + "VALUES (99, '2099-01-01T00:00:00+07:00', 450, 'test: a later schedule') ON CONFLICT DO NOTHING");
        sql("INSERT INTO ledger.fee_rates (version, category_code, rate_bp) VALUES (99, 'kerajinan', 200) "
                + "ON CONFLICT DO NOTHING");
        JsonNode fees = api.get("/api/v1/fees").send().expect(200).json();
        assertThat(fees.get("current").asInt()).isEqualTo(1);
        assertThat(fees.get("versions").valueStream().map(v -> v.get("version").asInt())).contains(1, 99);

        Seller now = CatalogFixtures.verifiedSeller(api);
        Seller later = CatalogFixtures.verifiedSeller(api);
        Paid placedNow = paid(api, now, shopper, 100_000, 1);
        Paid placedLater = paid(api, later, shopper, 100_000, 1, "80 years");
        completed(api, now, shopper, placedNow, orderJobs);
        completed(api, later, shopper, placedLater, orderJobs);
        balanceOnceSettled(api, now, placedNow.totalIdr() - 3_500 - 500);
        balanceOnceSettled(api, later, placedLater.totalIdr() - 2_000 - 500);
        assertThat(number("SELECT fee_version FROM ledger.seller_order_fees WHERE seller_order_id = ?",
                UUID.fromString(placedLater.sellerOrderId())))
            .isEqualTo(99);
    }

    @Test
    void taxIsWithheldOverTheThresholdNotUnderAStatementAndStartsWhenTurnoverCrossesIt() throws Exception {
        int year = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear();
        // an individual without a statement: collected from
        Seller plain = CatalogFixtures.verifiedSeller(api);
        // an individual with a statement, far under the threshold: not collected from
        Seller stated = CatalogFixtures.verifiedSeller(api);
        api.post("/api/v1/sellers/me/tax-statement", Map.of("year", year, "turnoverDeclaredIdr", 300_000_000))
            .bearer(stated.token())
            .send()
            .expect(201);
        // an individual with a statement whose turnover here is Rp 100,000 short of it
        Seller crossing = CatalogFixtures.verifiedSeller(api);
        api.post("/api/v1/sellers/me/tax-statement", Map.of("year", year, "turnoverDeclaredIdr", 450_000_000))
            .bearer(crossing.token())
            .send()
            .expect(201);
        sql("INSERT INTO ledger.seller_turnover (seller_id, year, gross_idr) VALUES (?, ?, 499900000)",
                UUID.fromString(crossing.sellerId()), year);
        // a business: always collected from; one with a valid exemption certificate: not
        Seller business = LedgerFixtures.verifiedBusiness(api);
        Seller certified = CatalogFixtures.verifiedSeller(api);
        api.post("/api/v1/sellers/me/tax-exemption-certificates",
                Map.of("certificateNumber", "KET-00123/SKB/WPJ.07/2026", "validFrom",
                        LocalDate.now().minusDays(10).toString(), "validUntil",
                        LocalDate.now().plusDays(30).toString()))
            .bearer(certified.token())
            .send()
            .expect(201);
        assertThat(standing(stated).get("collecting").asBoolean()).isFalse();
        assertThat(standing(crossing).get("collecting").asBoolean()).as("499.9 million is not over").isFalse();
        assertThat(standing(plain).get("collecting").asBoolean()).isTrue();

        Map<Seller, Paid> orders = new LinkedHashMap<>();
        for (Seller seller : List.of(plain, stated, business, certified)) {
            orders.put(seller, paid(api, seller, shopper, 100_000, 1));
        }
        Paid first = paid(api, crossing, shopper, 60_000, 1);
        Paid second = paid(api, crossing, shopper, 50_000, 1);
        for (Map.Entry<Seller, Paid> order : orders.entrySet()) {
            completed(api, order.getKey(), shopper, order.getValue(), orderJobs);
        }
        completed(api, crossing, shopper, first, orderJobs);
        balanceOnceSettled(api, crossing, first.totalIdr() - 2_100);
        completed(api, crossing, shopper, second, orderJobs);

        long fee = 3_500;
        balanceOnceSettled(api, plain, orders.get(plain).totalIdr() - fee - 500);
        balanceOnceSettled(api, stated, orders.get(stated).totalIdr() - fee);
        balanceOnceSettled(api, business, orders.get(business).totalIdr() - fee - 500);
        balanceOnceSettled(api, certified, orders.get(certified).totalIdr() - fee);
        // 499.9 + 0.06 million is 499.96: not over; + 0.05 is 500.01: over, collected
        JsonNode crossed = balanceOnceSettled(api, crossing,
                first.totalIdr() - 2_100 + second.totalIdr() - 1_750 - 250);
        assertThat(crossed.get("withheldTaxIdr").asLong()).isEqualTo(250);
        assertThat(standing(crossing).get("collecting").asBoolean()).as("for the rest of the year").isTrue();
        assertThat(standing(crossing).get("turnoverIdr").asLong()).isEqualTo(500_010_000);
        assertThat(number("SELECT count(*) FROM ledger.withholdings WHERE seller_id = ? AND basis = 'STATEMENT'",
                UUID.fromString(crossing.sellerId())))
            .isEqualTo(1);
    }

    @Test
    void aPaidSellerOrderCancelledIsOwedBackToTheShopperAndLeavesOnceRefunded() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        Paid paid = paid(api, seller, shopper, 80_000, 1);
        await().atMost(Duration.ofSeconds(15))
            .untilAsserted(
                    () -> assertThat(balance(api, seller).get("pendingIdr").asLong()).isEqualTo(paid.totalIdr()));
        api.post("/api/v1/sellers/me/orders/" + paid.sellerOrderId() + "/cancel", Map.of("reason", "OUT_OF_STOCK"))
            .bearer(seller.token())
            .send()
            .expect(200);
        refundJobs.sendDueRefunds();
        UUID order = UUID.fromString(paid.orderId());
        await().atMost(Duration.ofSeconds(15))
            .untilAsserted(() -> assertThat(number(
                    "SELECT count(*) FROM ledger.transactions WHERE order_id = ? AND kind IN ('SELLER_ORDER_REFUNDED', "
                            + "'REFUND_PAID')",
                    order))
                .isEqualTo(2));
        assertThat(balance(api, seller).get("pendingIdr").asLong()).isZero();
        assertThat(balance(api, seller).get("availableIdr").asLong()).isZero();
        assertThat(LedgerFixtures.sumOn(order, "GATEWAY_CLEARING", null)).as("what came in went back out").isZero();
        // a replayed refund posts nothing twice
        transactions.executeWithoutResult(tx -> events.publishEvent(new RefundSucceeded(
                UUID.fromString(api.get("/api/v1/orders/" + paid.orderId())
                    .bearer(shopper)
                    .send()
                    .json()
                    .get("refunds")
                    .get(0)
                    .get("refundId")
                    .asString()),
                order, UUID.fromString(paid.sellerOrderId()), paid.totalIdr(), "replay", Instant.now())));
        await().during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(() -> number("SELECT count(*) FROM ledger.transactions WHERE order_id = ? AND kind = 'REFUND_PAID'",
                    order) == 1);
    }

    @Test
    void aSettlementOfACancelledOrderIsOwedBackWholeAndNeverTheSellers() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = OrderFixtures.listingWithStock(api, seller, 3, 45_000);
        JsonNode placed = OrderFixtures.place(api, shopper, OrderFixtures.order(listing, 2)).expect(201).json();
        String orderId = placed.get("orderId").asString();
        String payment = LedgerFixtures.qris(api, shopper, orderId);
        api.post("/api/v1/orders/" + orderId + "/cancel", Map.of()).bearer(shopper).send().expect(200);
        assertThat(LedgerFixtures.settle(api, shopper, payment)).isEqualTo("REFUND_REQUESTED");
        refundJobs.sendDueRefunds();
        UUID order = UUID.fromString(orderId);
        await().atMost(Duration.ofSeconds(15))
            .untilAsserted(() -> assertThat(number(
                    "SELECT count(*) FROM ledger.transactions WHERE order_id = ? AND kind = 'REFUND_PAID'", order))
                .isEqualTo(1));
        await().atMost(Duration.ofSeconds(15))
            .untilAsserted(() -> assertThat(number("""
                    SELECT count(*) FROM ledger.transactions WHERE order_id = ? AND kind = 'SETTLEMENT_NOT_TAKEN'""",
                    order))
                .isEqualTo(1));
        assertThat(LedgerFixtures.sumOn(order, "REFUNDS_PAYABLE", null)).as("owed back, then paid back").isZero();
        assertThat(-LedgerFixtures.sumOn(order, "REFUNDS_PAYABLE", "SETTLEMENT_NOT_TAKEN"))
            .isEqualTo(placed.get("totalIdr").asLong());
        assertThat(balance(api, seller).get("pendingIdr").asLong()).isZero();
    }

    @Test
    void nothingChangesOrRemovesWhatIsPostedNotEvenTheOwner() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        Paid paid = paid(api, seller, shopper, 50_000, 1);
        await().atMost(Duration.ofSeconds(15))
            .untilAsserted(
                    () -> assertThat(balance(api, seller).get("pendingIdr").asLong()).isEqualTo(paid.totalIdr()));
        for (String statement : List.of("UPDATE ledger.entries SET amount_idr = amount_idr * 2",
                "DELETE FROM ledger.entries", "UPDATE ledger.transactions SET kind = 'PAYOUT_PAID'",
                "DELETE FROM ledger.transactions", "TRUNCATE ledger.entries CASCADE")) {
            assertThatThrownBy(() -> sql(statement)).hasStackTraceContaining("insert-only");
        }
        // an unbalanced transaction does not commit; a seller's balance does not go below
        // zero
        assertThatThrownBy(() -> sql("""
                WITH t AS (INSERT INTO ledger.transactions (id, kind, source_key, occurred_at, posted_at)
                VALUES (gen_random_uuid(), 'PAYOUT_PAID', 'test:' || gen_random_uuid(), now(), now()) RETURNING id)
                INSERT INTO ledger.entries (transaction_id, account_id, amount_idr, type, occurred_at)
                SELECT t.id, a.id, 1, 'PAYOUT', now() FROM t, ledger.accounts a WHERE a.kind = 'GATEWAY_CLEARING'"""))
            .hasStackTraceContaining("does not balance");
        assertThatThrownBy(() -> sql("""
                WITH t AS (INSERT INTO ledger.transactions (id, kind, source_key, occurred_at, posted_at)
                VALUES (gen_random_uuid(), 'PAYOUT_PAID', 'test:' || gen_random_uuid(), now(), now()) RETURNING id)
                INSERT INTO ledger.entries (transaction_id, account_id, amount_idr, type, occurred_at)
                SELECT t.id, a.id, CASE a.kind WHEN 'SELLER_PENDING' THEN ? ELSE -? END, 'PAYOUT', now()
                FROM t, ledger.accounts a WHERE (a.kind = 'SELLER_PENDING' AND a.holder_id = ?)
                OR a.kind = 'GATEWAY_CLEARING'""", paid.totalIdr() + 1, paid.totalIdr() + 1,
                UUID.fromString(seller.sellerId())))
            .hasStackTraceContaining("holder_balance_not_negative");
        assertThat(balance(api, seller).get("pendingIdr").asLong()).isEqualTo(paid.totalIdr());
    }

    @Test
    void aSellerSeesOnlyItsOwnMoneyAndBadDeclarationsAreProblems() throws Exception {
        Seller mine = CatalogFixtures.verifiedSeller(api);
        Seller other = CatalogFixtures.verifiedSeller(api);
        Paid paid = paid(api, mine, shopper, 70_000, 1);
        await().atMost(Duration.ofSeconds(15))
            .untilAsserted(() -> assertThat(balance(api, mine).get("pendingIdr").asLong()).isEqualTo(paid.totalIdr()));
        assertThat(balance(api, other).get("pendingIdr").asLong()).isZero();
        assertThat(api.get("/api/v1/sellers/me/ledger").bearer(other.token()).send().expect(200).json().get("items"))
            .isEmpty();
        // no seller behind the account: 404; not a seller: 403
        OrderSteps.problem(api.get("/api/v1/sellers/me/balance").bearer(api.newAccount("SELLER")).send(), 404,
                "SELLER_NOT_FOUND");
        api.get("/api/v1/sellers/me/ledger").bearer(shopper).send().expect(403);

        int year = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear();
        String path = "/api/v1/sellers/me/tax-statement";
        OrderSteps.problem(
                api.post(path, Map.of("year", year, "turnoverDeclaredIdr", 500_000_001L)).bearer(mine.token()).send(),
                422, "TURNOVER_ABOVE_THRESHOLD");
        OrderSteps.problem(
                api.post(path, Map.of("year", year + 2, "turnoverDeclaredIdr", 1)).bearer(mine.token()).send(), 422,
                "TAX_YEAR_NOT_OPEN");
        Seller business = LedgerFixtures.verifiedBusiness(api);
        OrderSteps.problem(
                api.post(path, Map.of("year", year, "turnoverDeclaredIdr", 1)).bearer(business.token()).send(), 422,
                "TAX_STATEMENT_NOT_APPLICABLE");
        OrderSteps.badField(
                api.post(path, Map.of("year", "this year", "turnoverDeclaredIdr", 1)).bearer(mine.token()).send(),
                "MALFORMED_REQUEST", "year");
        OrderSteps.badField(api.post(path, Map.of("year", year, "turnoverDeclaredIdr", -1)).bearer(mine.token()).send(),
                "VALIDATION_FAILED", "turnoverDeclaredIdr");
        OrderSteps.problem(api.post(path, "{\"year\": 2026,").bearer(mine.token()).send(), 400, "MALFORMED_REQUEST");
        OrderSteps.problem(api
            .post("/api/v1/sellers/me/tax-exemption-certificates",
                    Map.of("certificateNumber", "KET-1", "validFrom", "2026-12-01", "validUntil", "2026-11-01"))
            .bearer(mine.token())
            .send(), 422, "CERTIFICATE_PERIOD_INVALID");
        OrderSteps
            .badField(
                    api.post("/api/v1/sellers/me/tax-exemption-certificates",
                            Map.of("certificateNumber", "=HYPERLINK(\"x\")", "validFrom", "2026-12-01", "validUntil",
                                    "2027-11-01"))
                        .bearer(mine.token())
                        .send(),
                    "VALIDATION_FAILED", "certificateNumber");
        OrderSteps.problem(
                api.get("/api/v1/sellers/me/ledger?from=2026-12-10&to=2026-12-01").bearer(mine.token()).send(), 400,
                "INVALID_PERIOD");
        OrderSteps.problem(api.get("/api/v1/sellers/me/ledger?cursor=garbage").bearer(mine.token()).send(), 400,
                "INVALID_CURSOR");
    }

    private JsonNode standing(Seller seller) {
        return api.get("/api/v1/sellers/me/tax").bearer(seller.token()).send().expect(200).json();
    }

}

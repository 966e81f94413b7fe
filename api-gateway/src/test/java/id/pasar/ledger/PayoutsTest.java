package id.pasar.ledger;

import static id.pasar.ledger.LedgerFixtures.balance;
import static id.pasar.ledger.LedgerFixtures.balanceOnceSettled;
import static id.pasar.ledger.LedgerFixtures.completed;
import static id.pasar.ledger.LedgerFixtures.number;
import static id.pasar.ledger.LedgerFixtures.paid;
import static id.pasar.ledger.PayoutFixtures.BANK_ACCOUNT;
import static id.pasar.ledger.PayoutFixtures.HOLDER;
import static id.pasar.ledger.PayoutFixtures.PAYOUTS;
import static id.pasar.ledger.PayoutFixtures.bankAccount;
import static id.pasar.ledger.PayoutFixtures.credit;
import static id.pasar.ledger.PayoutFixtures.requestPayout;
import static id.pasar.ledger.PayoutFixtures.withBankAccount;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.ledger.LedgerFixtures.Paid;
import id.pasar.ledger.internal.PayoutJobs;
import id.pasar.orders.internal.OrderJobs;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Payouts (issue 20, item 4; docs/ledger.md, "Payouts") over HTTP on the sandbox
 * disbursement: only to the seller's own bank account; money moves available -> payouts
 * -> paid, or back to available when the transfer fails; two payouts at once never
 * overdraw; an Idempotency-Key pays once; a changed account needs a fresh login and holds
 * payouts.
 */
@IntegrationTest
class PayoutsTest {

    @LocalServerPort
    int port;

    @Autowired
    PayoutJobs payoutJobs;

    @Autowired
    OrderJobs orderJobs;

    Api api;

    Seller seller;

    ExecutorService pool;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        seller = CatalogFixtures.verifiedSeller(api);
    }

    @AfterEach
    void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void anAccountInAnotherNameIsRefusedWithoutNamingTheSeller() {
        Api.Response refused = api.put(BANK_ACCOUNT, bankAccount("014", "1234567890", "Andi Wijaya"))
            .bearer(seller.token())
            .send()
            .expect(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("ACCOUNT_HOLDER_MISMATCH");
        assertThat(refused.body()).doesNotContainIgnoringCase("budi").doesNotContainIgnoringCase("santoso");
        // a word more in the middle is another person
        api.put(BANK_ACCOUNT, bankAccount("014", "1234567890", "Budi Hartono Santoso"))
            .bearer(seller.token())
            .send()
            .expect(422);
        api.get(BANK_ACCOUNT).bearer(seller.token()).send().expect(404);
        assertThat(requestPayout(api, seller, 10_000, UUID.randomUUID().toString()).expect(422)
            .json()
            .get("code")
            .asString()).isEqualTo("BANK_ACCOUNT_REQUIRED");
    }

    @Test
    void theHoldersNameMatchesWithTitlesCasePunctuationAndSpacingAside() {
        Api.Response saved = api.put(BANK_ACCOUNT, bankAccount("014", "0123456789", "  BPK. budi   SANTOSO,  "))
            .bearer(seller.token())
            .send()
            .expect(201);
        JsonNode account = saved.json();
        assertThat(account.get("bankCode").asString()).isEqualTo("014");
        assertThat(account.get("bankName").asString()).contains("BCA");
        assertThat(account.get("accountNumberMasked").asString()).isEqualTo("******6789");
        assertThat(account.get("payoutsHeldUntil").isNull()).as("a first account holds nothing").isTrue();
        assertThat(saved.body()).doesNotContain("0123456789");
        assertThat(api.get(BANK_ACCOUNT).bearer(seller.token()).send().expect(200).body()).doesNotContain("0123456789")
            .contains("******6789");
        // the number is stored encrypted
        assertThat(number(
                "SELECT count(*) FROM ledger.bank_accounts WHERE holder_id = ? AND "
                        + "position(convert_to('0123456789', 'UTF8') in account_number_cipher) > 0",
                UUID.fromString(seller.sellerId())))
            .isZero();

        // a business: its legal form at either end, "Tbk", case and commas aside
        Seller business = LedgerFixtures.verifiedBusiness(api);
        api.put(BANK_ACCOUNT, bankAccount("008", "1400012345678", "ROTAN LESTARI, CV"))
            .bearer(business.token())
            .send()
            .expect(201);
        // the banks, public
        JsonNode banks = api.get("/api/v1/banks").send().expect(200).json();
        assertThat(banks.valueStream().map(b -> b.get("code").asString())).contains("014", "009", "002", "008", "022",
                "013", "011", "451", "200", "028", "016", "019", "110", "542", "535");
    }

    @Test
    void aPayoutMovesAvailableToPayoutsThenPaidAndTheStatementShowsIt() throws Exception {
        String shopper = api.newAccount("SHOPPER");
        Paid paid = paid(api, seller, shopper, 120_000, 1);
        completed(api, seller, shopper, paid, orderJobs);
        long fee = (120_000 * 350 + 5_000) / 10_000;
        long tax = 120_000 * 50 / 10_000;
        long available = paid.totalIdr() - fee - tax;
        balanceOnceSettled(api, seller, available);
        withBankAccount(api, seller, "5550001111");

        JsonNode payout = requestPayout(api, seller, 100_000, UUID.randomUUID().toString()).expect(201).json();
        String payoutId = payout.get("payoutId").asString();
        assertThat(payout.get("state").asString()).isEqualTo("REQUESTED");
        assertThat(payout.get("accountNumberMasked").asString()).isEqualTo("******1111");
        JsonNode requested = balance(api, seller);
        assertThat(requested.get("availableIdr").asLong()).isEqualTo(available - 100_000);
        assertThat(requested.get("payoutsInFlightIdr").asLong()).isEqualTo(100_000);

        payoutJobs.sendDuePayouts();

        JsonNode done = api.get(PAYOUTS + "/" + payoutId).bearer(seller.token()).send().expect(200).json();
        assertThat(done.get("state").asString()).isEqualTo("PAID");
        assertThat(done.get("sentAt").isNull()).isFalse();
        assertThat(done.get("paidAt").isNull()).isFalse();
        JsonNode after = balance(api, seller);
        assertThat(after.get("availableIdr").asLong()).isEqualTo(available - 100_000);
        assertThat(after.get("payoutsInFlightIdr").asLong()).isZero();
        // a second run sends nothing again
        payoutJobs.sendDuePayouts();
        assertThat(number("SELECT count(*) FROM ledger.transactions WHERE source_key LIKE ?", "payout%:" + payoutId))
            .as("requested, paid: once each")
            .isEqualTo(2);
        assertThat(number("""
                SELECT count(*) FROM ledger.entries e JOIN ledger.transactions t ON t.id = e.transaction_id
                JOIN ledger.accounts a ON a.id = e.account_id
                WHERE t.source_key = ? AND a.kind = 'GATEWAY_CLEARING' AND e.amount_idr = -100000""",
                "payout-paid:" + payoutId))
            .as("the money left the gateway's balance")
            .isEqualTo(1);

        JsonNode lines = LedgerFixtures.statement(api, seller);
        List<String> payoutLines = lines.valueStream()
            .filter(l -> l.get("type").asString().startsWith("PAYOUT"))
            .map(l -> l.get("account").asString() + " " + l.get("type").asString() + " " + l.get("amountIdr").asLong()
                    + " " + l.get("balanceAfterIdr").asLong() + " " + l.get("transactionKind").asString())
            .toList();
        assertThat(payoutLines).containsExactly(
                "SELLER_AVAILABLE PAYOUT -100000 " + (available - 100_000) + " PAYOUT_REQUESTED",
                "SELLER_PAYOUTS PAYOUT 100000 100000 PAYOUT_REQUESTED", "SELLER_PAYOUTS PAYOUT -100000 0 PAYOUT_PAID");
    }

    @Test
    void aFailedPayoutReturnsTheMoneyToAvailable() {
        credit(seller, 100_000);
        withBankAccount(api, seller, "5550002222");
        String payoutId = api.post(PAYOUTS, Map.of("amountIdr", 30_000, "note", "SANDBOX_FAIL"))
            .bearer(seller.token())
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .send()
            .expect(201)
            .json()
            .get("payoutId")
            .asString();
        assertThat(balance(api, seller).get("availableIdr").asLong()).isEqualTo(70_000);

        payoutJobs.sendDuePayouts();

        JsonNode failed = api.get(PAYOUTS + "/" + payoutId).bearer(seller.token()).send().expect(200).json();
        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failureReason").asString()).contains("SANDBOX_FAIL");
        JsonNode after = balance(api, seller);
        assertThat(after.get("availableIdr").asLong()).isEqualTo(100_000);
        assertThat(after.get("payoutsInFlightIdr").asLong()).isZero();
        JsonNode lines = LedgerFixtures.statement(api, seller);
        assertThat(lines.valueStream()
            .filter(l -> l.get("type").asString().equals("PAYOUT_RETURNED"))
            .map(l -> l.get("account").asString() + " " + l.get("amountIdr").asLong()))
            .containsExactly("SELLER_AVAILABLE 30000", "SELLER_PAYOUTS -30000");
        assertThat(number("SELECT count(*) FROM ledger.transactions WHERE source_key = ?", "payout-paid:" + payoutId))
            .isZero();
    }

    @Test
    void twoPayoutsOfTheWholeBalanceAtOnceNeverOverdrawIt() throws Exception {
        withBankAccount(api, seller, "5550003333");
        pool = Executors.newFixedThreadPool(2);
        for (int round = 1; round <= 3; round++) {
            credit(seller, 80_000);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(pool.submit(() -> {
                    start.await();
                    return requestPayout(api, seller, 80_000, UUID.randomUUID().toString());
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> response : both) {
                Api.Response answer = response.get();
                statuses.add(answer.status());
                if (answer.status() == 422) {
                    assertThat(answer.json().get("code").asString()).isEqualTo("INSUFFICIENT_BALANCE");
                    assertThat(answer.json().get("availableIdr").asLong()).isZero();
                }
            }
            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(201, 422);
            JsonNode balance = balance(api, seller);
            assertThat(balance.get("availableIdr").asLong()).isZero();
            assertThat(balance.get("payoutsInFlightIdr").asLong()).isEqualTo(80_000L * round);
        }
        assertThat(
                number("SELECT count(*) FROM ledger.payouts WHERE holder_id = ?", UUID.fromString(seller.sellerId())))
            .isEqualTo(3);
        assertThat(number("SELECT count(*) FROM ledger.accounts WHERE balance_idr < 0")).isZero();
    }

    @Test
    void anIdempotencyKeyPaysOnceAndAnotherBodyUnderItIsRefused() {
        credit(seller, 50_000);
        withBankAccount(api, seller, "5550004444");
        String key = UUID.randomUUID().toString();
        Api.Response first = requestPayout(api, seller, 20_000, key).expect(201);
        Api.Response again = requestPayout(api, seller, 20_000, key).expect(201);
        assertThat(again.json().get("payoutId").asString()).isEqualTo(first.json().get("payoutId").asString());
        assertThat(again.body()).isEqualTo(first.body());
        Api.Response other = requestPayout(api, seller, 25_000, key).expect(422);
        assertThat(other.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(balance(api, seller).get("availableIdr").asLong()).isEqualTo(30_000);
        assertThat(api.get(PAYOUTS).bearer(seller.token()).send().expect(200).json().get("items").size()).isEqualTo(1);

        // a refusal releases its key: the same request may try again once the cause is
        // gone
        String refusedKey = UUID.randomUUID().toString();
        assertThat(requestPayout(api, seller, 40_000, refusedKey).expect(422).json().get("code").asString())
            .isEqualTo("INSUFFICIENT_BALANCE");
        credit(seller, 10_000);
        requestPayout(api, seller, 40_000, refusedKey).expect(201);
    }

    @Test
    void aChangedAccountNeedsAFreshLoginAndHoldsPayoutsForADay() {
        credit(seller, 50_000);
        withBankAccount(api, seller, "5550005555");
        String oldToken = PayoutFixtures.tokenIssuedAgo(seller.token(), Duration.ofMinutes(10));
        Map<String, Object> changed = bankAccount("009", "9990001234", HOLDER);

        Api.Response stale = api.put(BANK_ACCOUNT, changed).bearer(oldToken).send().expect(401);
        assertThat(stale.json().get("code").asString()).isEqualTo("FRESH_LOGIN_REQUIRED");
        // the same account again changes nothing, so it needs no fresh login
        api.put(BANK_ACCOUNT, bankAccount("014", "5550005555", HOLDER)).bearer(oldToken).send().expect(200);
        assertThat(api.get(BANK_ACCOUNT).bearer(seller.token()).send().expect(200).json().get("version").asInt())
            .isEqualTo(1);
        // nor was anything held by those
        requestPayout(api, seller, 10_000, UUID.randomUUID().toString()).expect(201);

        String fresh = PayoutFixtures.tokenIssuedAgo(seller.token(), Duration.ofMinutes(1));
        JsonNode account = api.put(BANK_ACCOUNT, changed).bearer(fresh).send().expect(200).json();
        assertThat(account.get("version").asInt()).isEqualTo(2);
        assertThat(account.get("bankCode").asString()).isEqualTo("009");
        Instant held = OffsetDateTime.parse(account.get("payoutsHeldUntil").asString()).toInstant();
        assertThat(held).isBetween(Instant.now().plus(Duration.ofHours(23).plusMinutes(55)),
                Instant.now().plus(Duration.ofHours(24)));

        Api.Response onHold = requestPayout(api, seller, 10_000, UUID.randomUUID().toString()).expect(422);
        assertThat(onHold.json().get("code").asString()).isEqualTo("PAYOUTS_ON_HOLD");
        assertThat(Instant.parse(onHold.json().get("until").asString())).isEqualTo(held);
        assertThat(number("SELECT count(*) FROM ledger.bank_accounts WHERE holder_id = ?",
                UUID.fromString(seller.sellerId())))
            .as("every version kept")
            .isEqualTo(2);
    }

    @Test
    void anotherSellersPayoutIsNotFoundAndPagesFollowTheCursor() {
        credit(seller, 100_000);
        withBankAccount(api, seller, "5550006666");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(requestPayout(api, seller, 10_000, UUID.randomUUID().toString()).expect(201)
                .json()
                .get("payoutId")
                .asString());
        }
        Seller other = CatalogFixtures.verifiedSeller(api);
        Api.Response theirs = api.get(PAYOUTS + "/" + ids.get(0)).bearer(other.token()).send().expect(404);
        Api.Response none = api.get(PAYOUTS + "/" + UUID.randomUUID()).bearer(other.token()).send().expect(404);
        assertThat(theirs.json().get("code").asString()).isEqualTo("PAYOUT_NOT_FOUND");
        assertThat(theirs.json().get("detail").asString()).isEqualTo(none.json().get("detail").asString());
        assertThat(api.get(PAYOUTS).bearer(other.token()).send().expect(200).json().get("items").size()).isZero();

        JsonNode first = api.get(PAYOUTS + "?size=2").bearer(seller.token()).send().expect(200).json();
        assertThat(first.get("items").size()).isEqualTo(2);
        JsonNode second = api.get(PAYOUTS + "?size=2&cursor=" + first.get("nextCursor").asString())
            .bearer(seller.token())
            .send()
            .expect(200)
            .json();
        List<String> listed = new ArrayList<>();
        first.get("items").forEach(p -> listed.add(p.get("payoutId").asString()));
        second.get("items").forEach(p -> listed.add(p.get("payoutId").asString()));
        assertThat(listed).as("newest first, each once").containsExactly(ids.get(2), ids.get(1), ids.get(0));
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        credit(seller, 20_000);
        String token = seller.token();
        // bank accounts
        assertProblem(api.put(BANK_ACCOUNT, "{\"bankCode\": \"014\",").bearer(token).send(), 400, "MALFORMED_REQUEST");
        assertProblem(api.put(BANK_ACCOUNT, bankAccount("014", "12345abc90", HOLDER)).bearer(token).send(), 400,
                "VALIDATION_FAILED");
        assertProblem(api.put(BANK_ACCOUNT, bankAccount("014", "12345", HOLDER)).bearer(token).send(), 400,
                "VALIDATION_FAILED");
        assertProblem(api.put(BANK_ACCOUNT, bankAccount("999", "1234567890", HOLDER)).bearer(token).send(), 422,
                "BANK_UNKNOWN");
        assertProblem(api.put(BANK_ACCOUNT, Map.of("bankCode", 14, "accountNumber", List.of(1), "holderName", HOLDER))
            .bearer(token)
            .send(), 400, "MALFORMED_REQUEST");
        assertProblem(api.put(BANK_ACCOUNT, bankAccount("014", "1234567890", HOLDER))
            .bearer(CatalogFixtures.pendingSeller(api).token())
            .send(), 409, "SELLER_NOT_VERIFIED");
        assertProblem(api.put(BANK_ACCOUNT, bankAccount("014", "1234567890", HOLDER))
            .bearer(api.newAccount("SHOPPER"))
            .send(), 403, "FORBIDDEN");
        withBankAccount(api, seller, "5550007777");
        // payouts
        String key = UUID.randomUUID().toString();
        assertProblem(api.post(PAYOUTS, "{\"amountIdr\": ").bearer(token).header("Idempotency-Key", key).send(), 400,
                "MALFORMED_REQUEST");
        assertProblem(requestPayout(api, seller, "banyak", key), 400, "MALFORMED_REQUEST");
        assertProblem(api.post(PAYOUTS, "{\"amountIdr\": 99999999999999999999999}")
            .bearer(token)
            .header("Idempotency-Key", key)
            .send(), 400, "MALFORMED_REQUEST");
        assertProblem(api.post(PAYOUTS, "{}").bearer(token).header("Idempotency-Key", key).send(), 400,
                "VALIDATION_FAILED");
        assertProblem(api.post(PAYOUTS, Map.of("amountIdr", 10_000)).bearer(token).send(), 400, "MISSING_HEADER");
        assertProblem(requestPayout(api, seller, -50_000, key), 422, "PAYOUT_TOO_SMALL");
        assertProblem(requestPayout(api, seller, 9_999, key), 422, "PAYOUT_TOO_SMALL");
        assertProblem(requestPayout(api, seller, Long.MAX_VALUE, key), 422, "INSUFFICIENT_BALANCE");
        assertProblem(api.post(PAYOUTS, Map.of("amountIdr", 10_000, "note", "<script>"))
            .bearer(token)
            .header("Idempotency-Key", key)
            .send(), 400, "VALIDATION_FAILED");
        assertProblem(api.get(PAYOUTS + "/not-a-uuid").bearer(token).send(), 400, "INVALID_PARAMETER");
        assertProblem(api.get(PAYOUTS + "?cursor=bm9wZQ").bearer(token).send(), 400, "INVALID_CURSOR");
        // nothing was paid out by any of it
        assertThat(balance(api, seller).get("availableIdr").asLong()).isEqualTo(20_000);
        assertThat(requestPayout(api, seller, 20_000, key).status()).as("no refusal kept the key").isEqualTo(201);
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
    }

}

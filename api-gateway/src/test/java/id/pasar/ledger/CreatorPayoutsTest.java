package id.pasar.ledger;

import static id.pasar.ledger.LedgerFixtures.number;
import static id.pasar.ledger.PayoutFixtures.CREATOR_BANK_ACCOUNT;
import static id.pasar.ledger.PayoutFixtures.CREATOR_PAYOUTS;
import static id.pasar.ledger.PayoutFixtures.HOLDER;
import static id.pasar.ledger.PayoutFixtures.bankAccount;
import static id.pasar.ledger.PayoutFixtures.credit;
import static id.pasar.ledger.PayoutFixtures.requestPayout;
import static id.pasar.ledger.PayoutFixtures.withBankAccount;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.ledger.internal.PayoutJobs;
import id.pasar.onboarding.SellerFixtures;
import id.pasar.social.SocialFixtures;
import id.pasar.social.SocialFixtures.Creator;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * Creators are paid out as sellers are (issue 21, item 6; docs/ledger.md, "Creators'
 * money") over HTTP on the sandbox disbursement: only a VERIFIED creator, only to an
 * account in its own verified name, CREATOR_AVAILABLE -> CREATOR_PAYOUTS -> paid (or back
 * on failure), one payout per Idempotency-Key; a creator and a seller never reach each
 * other's money; a creator that is not VERIFIED keeps its money held.
 */
@IntegrationTest
class CreatorPayoutsTest {

    static final String BALANCE = "/api/v1/creators/me/balance";

    static final String LEDGER = "/api/v1/creators/me/ledger";

    @LocalServerPort
    int port;

    @Autowired
    PayoutJobs payoutJobs;

    Api api;

    Creator creator;

    ExecutorService pool;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        creator = SocialFixtures.verifiedCreator(api);
    }

    @AfterEach
    void tearDown() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void aVerifiedCreatorIsPaidItsCommissionsToAnAccountInItsOwnName() {
        credit(creator, 100_000);
        JsonNode credited = balance(creator);
        assertThat(credited.get("pendingIdr").asLong()).isZero();
        assertThat(credited.get("availableIdr").asLong()).isEqualTo(100_000);
        assertThat(credited.get("payoutsInFlightIdr").asLong()).isZero();

        // another person's name is refused, without naming the creator
        Api.Response refused = api.put(CREATOR_BANK_ACCOUNT, bankAccount("014", "7770001111", "Andi Wijaya"))
            .bearer(creator.token())
            .send()
            .expect(422);
        assertThat(refused.json().get("code").asString()).isEqualTo("ACCOUNT_HOLDER_MISMATCH");
        assertThat(refused.body()).doesNotContainIgnoringCase("budi").doesNotContainIgnoringCase("santoso");
        api.get(CREATOR_BANK_ACCOUNT).bearer(creator.token()).send().expect(404);
        assertThat(requestPayout(api, creator, 10_000, UUID.randomUUID().toString()).expect(422)
            .json()
            .get("code")
            .asString()).isEqualTo("BANK_ACCOUNT_REQUIRED");

        // its own name, titles and case aside
        JsonNode account = api.put(CREATOR_BANK_ACCOUNT, bankAccount("014", "7770001111", "Sdr. BUDI santoso"))
            .bearer(creator.token())
            .send()
            .expect(201)
            .json();
        assertThat(account.get("accountNumberMasked").asString()).isEqualTo("******1111");
        assertThat(api.get(CREATOR_BANK_ACCOUNT).bearer(creator.token()).send().expect(200).body())
            .doesNotContain("7770001111")
            .contains("******1111");
        assertThat(number("SELECT count(*) FROM ledger.bank_accounts WHERE holder_kind = 'CREATOR' AND holder_id = ?",
                UUID.fromString(creator.creatorId())))
            .isEqualTo(1);

        String key = UUID.randomUUID().toString();
        Api.Response first = requestPayout(api, creator, 60_000, key).expect(201);
        JsonNode payout = first.json();
        String payoutId = payout.get("payoutId").asString();
        assertThat(payout.get("state").asString()).isEqualTo("REQUESTED");
        assertThat(first.header("Location")).isEqualTo(CREATOR_PAYOUTS + "/" + payoutId);
        // a retry under the key answers the same, and pays nothing more
        Api.Response again = requestPayout(api, creator, 60_000, key).expect(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(requestPayout(api, creator, 70_000, key).expect(422).json().get("code").asString())
            .isEqualTo("IDEMPOTENCY_KEY_REUSED");
        JsonNode requested = balance(creator);
        assertThat(requested.get("availableIdr").asLong()).isEqualTo(40_000);
        assertThat(requested.get("payoutsInFlightIdr").asLong()).isEqualTo(60_000);
        // another key while the first is in flight draws on what is left
        JsonNode more = requestPayout(api, creator, 50_000, UUID.randomUUID().toString()).expect(422).json();
        assertThat(more.get("code").asString()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(more.get("availableIdr").asLong()).isEqualTo(40_000);

        payoutJobs.sendDuePayouts();

        JsonNode paid = api.get(CREATOR_PAYOUTS + "/" + payoutId).bearer(creator.token()).send().expect(200).json();
        assertThat(paid.get("state").asString()).isEqualTo("PAID");
        JsonNode after = balance(creator);
        assertThat(after.get("availableIdr").asLong()).isEqualTo(40_000);
        assertThat(after.get("payoutsInFlightIdr").asLong()).isZero();
        assertThat(number("""
                SELECT count(*) FROM ledger.entries e JOIN ledger.transactions t ON t.id = e.transaction_id
                JOIN ledger.accounts a ON a.id = e.account_id
                WHERE t.source_key = ? AND a.kind = 'GATEWAY_CLEARING' AND e.amount_idr = -60000""",
                "payout-paid:" + payoutId))
            .as("the money left the gateway's balance")
            .isEqualTo(1);
        assertThat(api.get(CREATOR_PAYOUTS).bearer(creator.token()).send().expect(200).json().get("items").size())
            .isEqualTo(1);

        JsonNode lines = api.get(LEDGER).bearer(creator.token()).send().expect(200).json().get("items");
        assertThat(lines.valueStream()
            .map(l -> l.get("account").asString() + " " + l.get("type").asString() + " " + l.get("amountIdr").asLong()
                    + " " + l.get("balanceAfterIdr").asLong()))
            .containsExactly("CREATOR_AVAILABLE COMMISSION_EARNED 100000 100000",
                    "CREATOR_AVAILABLE PAYOUT -60000 40000", "CREATOR_PAYOUTS PAYOUT 60000 60000",
                    "CREATOR_PAYOUTS PAYOUT -60000 0");
        String today = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
        Api.Response csv = api.get(LEDGER + "?from=" + today + "&to=" + today)
            .bearer(creator.token())
            .header("Accept", "text/csv")
            .send()
            .expect(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines()).hasSize(5).first().asString().startsWith("entryId,occurredAt,account,type");
    }

    @Test
    void aFailedPayoutReturnsTheMoneyToTheCreatorsAvailableBalance() {
        credit(creator, 50_000);
        withBankAccount(api, creator, "7770002222");
        String payoutId = api.post(CREATOR_PAYOUTS, Map.of("amountIdr", 30_000, "note", "SANDBOX_FAIL"))
            .bearer(creator.token())
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .send()
            .expect(201)
            .json()
            .get("payoutId")
            .asString();

        payoutJobs.sendDuePayouts();

        JsonNode failed = api.get(CREATOR_PAYOUTS + "/" + payoutId).bearer(creator.token()).send().expect(200).json();
        assertThat(failed.get("state").asString()).isEqualTo("FAILED");
        JsonNode after = balance(creator);
        assertThat(after.get("availableIdr").asLong()).isEqualTo(50_000);
        assertThat(after.get("payoutsInFlightIdr").asLong()).isZero();
        assertThat(number("SELECT count(*) FROM ledger.transactions WHERE source_key = ?", "payout-paid:" + payoutId))
            .isZero();
    }

    @Test
    void twoPayoutsOfTheWholeBalanceAtOnceNeverOverdrawIt() throws Exception {
        credit(creator, 80_000);
        withBankAccount(api, creator, "7770003333");
        pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(pool.submit(() -> {
                start.await();
                return requestPayout(api, creator, 80_000, UUID.randomUUID().toString());
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> response : both) {
            statuses.add(response.get().status());
        }
        assertThat(statuses).containsExactlyInAnyOrder(201, 422);
        assertThat(balance(creator).get("availableIdr").asLong()).isZero();
        assertThat(balance(creator).get("payoutsInFlightIdr").asLong()).isEqualTo(80_000);
    }

    @Test
    void aKeyIsThePayeesOwnAndOneInFlightIsAConflict() {
        credit(creator, 40_000);
        withBankAccount(api, creator, "7770004444");
        Seller seller = CatalogFixtures.verifiedSeller(api);
        PayoutFixtures.credit(seller, 40_000);
        PayoutFixtures.withBankAccount(api, seller, "5550009999");
        String key = UUID.randomUUID().toString();
        String mine = requestPayout(api, creator, 20_000, key).expect(201).json().get("payoutId").asString();
        String theirs = PayoutFixtures.requestPayout(api, seller, 20_000, key)
            .expect(201)
            .json()
            .get("payoutId")
            .asString();
        assertThat(theirs).as("the same key of a seller is another payout").isNotEqualTo(mine);

        // while the first request under a key runs (its claim IN_FLIGHT), a retry waits
        LedgerFixtures.sql("""
                UPDATE ledger.payout_idempotency_keys SET state = 'IN_FLIGHT', created_at = now()
                WHERE holder_kind = 'CREATOR' AND holder_id = ? AND key = ?""", UUID.fromString(creator.creatorId()),
                key);
        Api.Response conflict = requestPayout(api, creator, 20_000, key);
        assertProblem(conflict, 409, "IDEMPOTENCY_KEY_IN_FLIGHT");
        assertThat(conflict.header("Retry-After")).isEqualTo("1");
        // the seller's claim under the same key is its own, done
        assertThat(PayoutFixtures.requestPayout(api, seller, 20_000, key).expect(201).json().get("payoutId").asString())
            .isEqualTo(theirs);
        assertThat(balance(creator).get("availableIdr").asLong()).isEqualTo(20_000);
    }

    @Test
    void aCreatorAndASellerNeverReachEachOthersMoney() {
        credit(creator, 30_000);
        withBankAccount(api, creator, "7770005555");
        String creatorsPayout = requestPayout(api, creator, 10_000, UUID.randomUUID().toString()).expect(201)
            .json()
            .get("payoutId")
            .asString();
        Seller seller = CatalogFixtures.verifiedSeller(api);
        PayoutFixtures.credit(seller, 30_000);
        PayoutFixtures.withBankAccount(api, seller, "5550008888");
        String sellersPayout = PayoutFixtures.requestPayout(api, seller, 10_000, UUID.randomUUID().toString())
            .expect(201)
            .json()
            .get("payoutId")
            .asString();

        // by role: each other's routes are 403
        for (String path : List.of("/api/v1/sellers/me/balance", "/api/v1/sellers/me/ledger",
                "/api/v1/sellers/me/bank-account", "/api/v1/sellers/me/payouts",
                "/api/v1/sellers/me/payouts/" + sellersPayout)) {
            assertProblem(api.get(path).bearer(creator.token()).send(), 403, "FORBIDDEN");
        }
        assertProblem(api.post("/api/v1/sellers/me/payouts", Map.of("amountIdr", 10_000))
            .bearer(creator.token())
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .send(), 403, "FORBIDDEN");
        for (String path : List.of(BALANCE, LEDGER, CREATOR_BANK_ACCOUNT, CREATOR_PAYOUTS,
                CREATOR_PAYOUTS + "/" + creatorsPayout)) {
            assertProblem(api.get(path).bearer(seller.token()).send(), 403, "FORBIDDEN");
        }
        assertProblem(api.post(CREATOR_PAYOUTS, Map.of("amountIdr", 10_000))
            .bearer(seller.token())
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .send(), 403, "FORBIDDEN");

        // by id: a seller's payout, or another creator's, is not found, as an unknown one
        Api.Response unknown = api.get(CREATOR_PAYOUTS + "/" + UUID.randomUUID()).bearer(creator.token()).send();
        assertProblem(unknown, 404, "PAYOUT_NOT_FOUND");
        Api.Response sellers = api.get(CREATOR_PAYOUTS + "/" + sellersPayout).bearer(creator.token()).send();
        assertProblem(sellers, 404, "PAYOUT_NOT_FOUND");
        assertThat(sellers.json().get("detail").asString()).isEqualTo(unknown.json().get("detail").asString());
        Creator other = SocialFixtures.verifiedCreator(api);
        assertProblem(api.get(CREATOR_PAYOUTS + "/" + creatorsPayout).bearer(other.token()).send(), 404,
                "PAYOUT_NOT_FOUND");
        assertThat(api.get(CREATOR_PAYOUTS).bearer(other.token()).send().expect(200).json().get("items").size())
            .isZero();
        assertThat(balance(other).get("availableIdr").asLong()).isZero();
        assertProblem(api.get("/api/v1/sellers/me/payouts/" + creatorsPayout).bearer(seller.token()).send(), 404,
                "PAYOUT_NOT_FOUND");
        // and each sees its own alone
        assertThat(api.get(CREATOR_PAYOUTS).bearer(creator.token()).send().expect(200).json().get("items"))
            .extracting(p -> p.get("payoutId").asString())
            .doesNotContain(sellersPayout)
            .contains(creatorsPayout);
    }

    @Test
    void aCreatorThatIsNotVerifiedReadsItsMoneyButIsNeitherRegisteredNorPaid() {
        LocalDate born = SellerFixtures.someAdultBirthDate();
        Creator pending = SocialFixtures.apply(api,
                SocialFixtures.application(SocialFixtures.handle(),
                        SellerFixtures.ktp(SellerFixtures.nik(born, false), born, "MALE", "WNI"), "3204"),
                "PENDING_REVIEW");
        credit(pending, 25_000);
        assertThat(balance(pending).get("availableIdr").asLong()).as("held, and shown").isEqualTo(25_000);
        api.get(LEDGER).bearer(pending.token()).send().expect(200);

        Api.Response account = api.put(CREATOR_BANK_ACCOUNT, bankAccount("014", "7770006666", HOLDER))
            .bearer(pending.token())
            .send();
        assertProblem(account, 422, "CREATOR_NOT_VERIFIED");
        assertProblem(api.get(CREATOR_BANK_ACCOUNT).bearer(pending.token()).send(), 404, "BANK_ACCOUNT_NOT_FOUND");
        String key = UUID.randomUUID().toString();
        assertProblem(requestPayout(api, pending, 10_000, key), 422, "CREATOR_NOT_VERIFIED");
        assertThat(number("SELECT count(*) FROM ledger.payout_idempotency_keys WHERE key = ?", key))
            .as("a refusal keeps no key")
            .isZero();

        // a CREATOR account that never applied has no money here
        String none = api.newAccount("CREATOR");
        for (String path : List.of(BALANCE, LEDGER, CREATOR_BANK_ACCOUNT, CREATOR_PAYOUTS)) {
            assertProblem(api.get(path).bearer(none).send(), 404, "CREATOR_NOT_FOUND");
        }
        assertProblem(api.put(CREATOR_BANK_ACCOUNT, bankAccount("014", "7770006666", HOLDER)).bearer(none).send(), 404,
                "CREATOR_NOT_FOUND");
    }

    @Test
    void aCreatorNoLongerVerifiedWhenItsPayoutIsSentKeepsItsMoneyHeld() {
        credit(creator, 40_000);
        withBankAccount(api, creator, "7770007777");
        String payoutId = requestPayout(api, creator, 30_000, UUID.randomUUID().toString()).expect(201)
            .json()
            .get("payoutId")
            .asString();
        // no longer VERIFIED (as an officer's revocation makes it) before the job sends
        // it
        LedgerFixtures.sql("UPDATE social.creators SET status = 'REJECTED' WHERE id = ?",
                UUID.fromString(creator.creatorId()));

        payoutJobs.sendDuePayouts();

        JsonNode held = api.get(CREATOR_PAYOUTS + "/" + payoutId).bearer(creator.token()).send().expect(200).json();
        assertThat(held.get("state").asString()).isEqualTo("FAILED");
        assertThat(held.get("failureReason").asString()).startsWith("CREATOR_NOT_VERIFIED");
        JsonNode balance = balance(creator);
        assertThat(balance.get("availableIdr").asLong()).isEqualTo(40_000);
        assertThat(balance.get("payoutsInFlightIdr").asLong()).isZero();
        assertThat(number("SELECT count(*) FROM ledger.transactions WHERE source_key = ?", "payout-paid:" + payoutId))
            .isZero();
        assertProblem(requestPayout(api, creator, 10_000, UUID.randomUUID().toString()), 422, "CREATOR_NOT_VERIFIED");
        String fresh = PayoutFixtures.tokenIssuedAgo(creator.token(), Duration.ofMinutes(1));
        assertProblem(api.put(CREATOR_BANK_ACCOUNT, bankAccount("009", "7770007788", HOLDER)).bearer(fresh).send(), 422,
                "CREATOR_NOT_VERIFIED");
    }

    @Test
    void aChangedAccountNeedsAFreshLoginAndHoldsPayoutsAsForSellers() {
        credit(creator, 50_000);
        withBankAccount(api, creator, "7770008888");
        String oldToken = PayoutFixtures.tokenIssuedAgo(creator.token(), Duration.ofMinutes(10));
        assertProblem(api.put(CREATOR_BANK_ACCOUNT, bankAccount("009", "9990005678", HOLDER)).bearer(oldToken).send(),
                401, "FRESH_LOGIN_REQUIRED");
        String fresh = PayoutFixtures.tokenIssuedAgo(creator.token(), Duration.ofMinutes(1));
        JsonNode changed = api.put(CREATOR_BANK_ACCOUNT, bankAccount("009", "9990005678", HOLDER))
            .bearer(fresh)
            .send()
            .expect(200)
            .json();
        assertThat(changed.get("version").asInt()).isEqualTo(2);
        assertThat(changed.get("payoutsHeldUntil").isNull()).isFalse();
        assertProblem(requestPayout(api, creator, 10_000, UUID.randomUUID().toString()), 422, "PAYOUTS_ON_HOLD");
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        credit(creator, 20_000);
        String token = creator.token();
        assertProblem(api.put(CREATOR_BANK_ACCOUNT, "{\"bankCode\": \"014\",").bearer(token).send(), 400,
                "MALFORMED_REQUEST");
        assertProblem(api.put(CREATOR_BANK_ACCOUNT, bankAccount("014", "12345", HOLDER)).bearer(token).send(), 400,
                "VALIDATION_FAILED");
        assertProblem(api.put(CREATOR_BANK_ACCOUNT, bankAccount("999", "1234567890", HOLDER)).bearer(token).send(), 422,
                "BANK_UNKNOWN");
        assertProblem(
                api.put(CREATOR_BANK_ACCOUNT, Map.of("bankCode", 14, "accountNumber", List.of(1), "holderName", HOLDER))
                    .bearer(token)
                    .send(),
                400, "MALFORMED_REQUEST");
        assertProblem(api.put(CREATOR_BANK_ACCOUNT, bankAccount("014", "1234567890", HOLDER))
            .bearer(api.newAccount("SHOPPER"))
            .send(), 403, "FORBIDDEN");
        assertProblem(api.get(BALANCE).send(), 401, "UNAUTHORIZED");
        withBankAccount(api, creator, "7770009999");
        String key = UUID.randomUUID().toString();
        assertProblem(api.post(CREATOR_PAYOUTS, "{\"amountIdr\": ").bearer(token).header("Idempotency-Key", key).send(),
                400, "MALFORMED_REQUEST");
        assertProblem(requestPayout(api, creator, "banyak", key), 400, "MALFORMED_REQUEST");
        assertProblem(api.post(CREATOR_PAYOUTS, "{}").bearer(token).header("Idempotency-Key", key).send(), 400,
                "VALIDATION_FAILED");
        assertProblem(api.post(CREATOR_PAYOUTS, Map.of("amountIdr", 10_000)).bearer(token).send(), 400,
                "MISSING_HEADER");
        assertProblem(api.post(CREATOR_PAYOUTS, Map.of("amountIdr", 10_000))
            .bearer(token)
            .header("Idempotency-Key", "k".repeat(101))
            .send(), 400, "VALIDATION_FAILED");
        assertProblem(requestPayout(api, creator, 9_999, key), 422, "PAYOUT_TOO_SMALL");
        assertProblem(requestPayout(api, creator, Long.MAX_VALUE, key), 422, "INSUFFICIENT_BALANCE");
        assertProblem(api.post(CREATOR_PAYOUTS, Map.of("amountIdr", 10_000, "note", "<script>"))
            .bearer(token)
            .header("Idempotency-Key", key)
            .send(), 400, "VALIDATION_FAILED");
        assertProblem(api.get(CREATOR_PAYOUTS + "/not-a-uuid").bearer(token).send(), 400, "INVALID_PARAMETER");
        assertProblem(api.get(CREATOR_PAYOUTS + "?cursor=bm9wZQ").bearer(token).send(), 400, "INVALID_CURSOR");
        assertProblem(api.get(CREATOR_PAYOUTS + "?size=101").bearer(token).send(), 400, "VALIDATION_FAILED");
        assertProblem(api.get(LEDGER + "?from=2026-12-31&to=2026-01-01").bearer(token).send(), 400, "INVALID_PERIOD");
        assertProblem(api.get(LEDGER + "?from=kemarin").bearer(token).send(), 400, "INVALID_PARAMETER");
        assertProblem(api.get(LEDGER + "?cursor=bm9wZQ").bearer(token).send(), 400, "INVALID_CURSOR");
        // a seller's statement cursor is not a creator's
        Seller seller = CatalogFixtures.verifiedSeller(api);
        PayoutFixtures.credit(seller, 10_000);
        PayoutFixtures.credit(seller, 10_000);
        String sellersCursor = api.get("/api/v1/sellers/me/ledger?size=1")
            .bearer(seller.token())
            .send()
            .expect(200)
            .json()
            .get("nextCursor")
            .asString();
        assertProblem(api.get(LEDGER + "?cursor=" + sellersCursor).bearer(token).send(), 400, "INVALID_CURSOR");
        // nothing was paid out by any of it
        assertThat(balance(creator).get("availableIdr").asLong()).isEqualTo(20_000);
        assertThat(requestPayout(api, creator, 20_000, key).status()).as("no refusal kept the key").isEqualTo(201);
    }

    private JsonNode balance(Creator creator) {
        return api.get(BALANCE).bearer(creator.token()).send().expect(200).json();
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
    }

}

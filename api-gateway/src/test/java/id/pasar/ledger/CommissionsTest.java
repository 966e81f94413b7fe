package id.pasar.ledger;

import static id.pasar.ledger.LedgerFixtures.completed;
import static id.pasar.ledger.LedgerFixtures.number;
import static id.pasar.ledger.LedgerFixtures.qris;
import static id.pasar.ledger.LedgerFixtures.settle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.TestIdentityRegistry;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.ledger.LedgerFixtures.Paid;
import id.pasar.onboarding.SellerFixtures;
import id.pasar.orders.OrderFixtures;
import id.pasar.orders.internal.OrderJobs;
import id.pasar.social.SocialFixtures;
import id.pasar.social.SocialFixtures.Creator;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Creators earn commissions (issue 21, item 6): the shopper's last touch of a listing
 * within 7 days names the creator; the commission, at the plan's rate when the order was
 * placed, moves from the seller's pending money to the creator's at payment, becomes the
 * creator's to be paid out when the seller order completes, and goes back to the seller
 * when it is refunded. No commission on the creator's own purchase, on the creator's own
 * listings, through a reference that does not verify or a closed plan; the order is
 * placed all the same.
 */
@IntegrationTest
class CommissionsTest {

    private static final long PRICE = 150_000;

    @LocalServerPort
    int port;

    @Autowired
    OrderJobs orderJobs;

    Api api;

    String shopper;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shopper = api.newAccount("SHOPPER");
    }

    /**
     * The journey: a post with photos and a tagged listing, a shopper who follows
     * its creator, finds it in the feed, opens the listing and orders it; the commission
     * when the seller order completes, and reversed by a refund of another.
     */
    @Test
    void aShopperOrdersThroughAPostInTheFeedAndItsCreatorEarns() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = openListing(seller, 10);
        Creator creator = SocialFixtures.verifiedCreator(api);
        String photo = SocialFixtures.photo(api, creator.token());
        String postId = SocialFixtures.post(api, creator.token(), Map.of("text", "Keranjang rotan buatan Cirebon",
                "photoIds", List.of(photo), "listingIds", List.of(listing)));
        api.put("/api/v1/follows/creators/" + creator.creatorId(), null).bearer(shopper).send().expect(204);

        JsonNode post = api.get("/api/v1/feed").bearer(shopper).send().expect(200).json().get("items").get(0);
        assertThat(post.get("postId").asString()).isEqualTo(postId);
        assertThat(post.get("photos").get(0).get("mediaId").asString()).isEqualTo(photo);
        JsonNode tagged = post.get("listings").get(0);
        assertThat(tagged.get("listingId").asString()).isEqualTo(listing);
        String ref = tagged.get("affiliateRef").asString();
        click(shopper, ref).expect(204);
        // the shopper puts it in the cart from the post, and orders the cart
        api.put("/api/v1/cart/items/" + listing, Map.of("quantity", 1, "affiliateRef", ref))
            .bearer(shopper)
            .send()
            .expect(200);
        Map<String, Object> fromCart = new HashMap<>();
        fromCart.put("cart", Map.of("sellerIds", List.of()));
        fromCart.put("shippingAddress", OrderFixtures.ADDRESS);
        JsonNode placed = OrderFixtures.place(api, shopper, fromCart).expect(201).json();
        settle(api, shopper, qris(api, shopper, placed.get("orderId").asString()));
        Paid paid = new Paid(placed.get("orderId").asString(),
                placed.get("sellerOrders").get(0).get("sellerOrderId").asString(),
                placed.get("sellerOrders").get(0).get("subtotalIdr").asLong(), placed.get("totalIdr").asLong());
        awaitSummary(creator, summary -> summary.get("pendingIdr").asLong() == 15_000);

        completed(api, seller, shopper, paid, orderJobs);
        JsonNode earned = awaitSummary(creator, summary -> summary.get("earnedIdr").asLong() == 15_000);
        assertThat(earned.get("clicks").asLong()).isEqualTo(1);
        JsonNode balance = api.get("/api/v1/creators/me/balance").bearer(creator.token()).send().expect(200).json();
        assertThat(balance.get("availableIdr").asLong()).isEqualTo(15_000);

        // a second order through the same post, refunded: its commission goes back
        Paid refunded = placeAndPay(shopper, item(listing, 1, ref));
        awaitSummary(creator, summary -> summary.get("pendingIdr").asLong() == 15_000);
        api.post("/api/v1/orders/" + refunded.orderId() + "/cancel", Map.of()).bearer(shopper).send().expect(200);
        JsonNode after = awaitSummary(creator, summary -> summary.get("reversedIdr").asLong() == 15_000);
        assertThat(after.get("pendingIdr").asLong()).isZero();
        assertThat(after.get("earnedIdr").asLong()).isEqualTo(15_000);
        assertThat(after.get("orders").asLong()).isEqualTo(2);
    }

    @Test
    void theLastTouchEarnsTheCommissionWhenTheSellerOrderCompletes() throws Exception {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = openListing(seller, 10);
        Creator first = SocialFixtures.verifiedCreator(api);
        Creator last = SocialFixtures.verifiedCreator(api);
        click(shopper, showcased(first, listing)).expect(204);
        click(shopper, showcased(last, listing)).expect(204);

        // the order carries no reference: the shopper's clicks decide
        Paid paid = placeAndPay(shopper, item(listing, 1, null));

        JsonNode pending = awaitSummary(last, summary -> summary.get("pendingIdr").asLong() == 15_000);
        assertThat(pending.get("clicks").asLong()).isEqualTo(1);
        assertThat(pending.get("orders").asLong()).isEqualTo(1);
        assertThat(pending.get("itemGrossIdr").asLong()).isEqualTo(PRICE);
        JsonNode other = summary(first);
        assertThat(other.get("clicks").asLong()).isEqualTo(1);
        assertThat(other.get("orders").asLong()).isZero();
        assertThat(number("SELECT count(*) FROM orders.order_lines l JOIN orders.seller_orders s "
                + "ON s.id = l.seller_order_id WHERE s.id = ? AND l.affiliate_creator_id = ? AND commission_percent = 10",
                UUID.fromString(paid.sellerOrderId()), UUID.fromString(last.creatorId())))
            .isEqualTo(1);
        // the seller sees the commission taken from its pending money, on its statement
        JsonNode commissionLine = entries(LedgerFixtures.statement(api, seller), "COMMISSION").get(0);
        assertThat(commissionLine.get("amountIdr").asLong()).isEqualTo(-15_000);

        completed(api, seller, shopper, paid, orderJobs);
        JsonNode earned = awaitSummary(last, summary -> summary.get("earnedIdr").asLong() == 15_000);
        assertThat(earned.get("pendingIdr").asLong()).isZero();
        assertThat(creatorBalance(last, "CREATOR_AVAILABLE")).isEqualTo(15_000);
        assertThat(creatorBalance(last, "CREATOR_PENDING")).isZero();
        JsonNode line = api.get("/api/v1/creators/me/commissions")
            .bearer(last.token())
            .send()
            .expect(200)
            .json()
            .get("items")
            .get(0);
        assertThat(line.get("sellerOrderId").asString()).isEqualTo(paid.sellerOrderId());
        assertThat(line.get("grossIdr").asLong()).isEqualTo(PRICE);
        assertThat(line.get("commissionIdr").asLong()).isEqualTo(15_000);
        assertThat(line.get("status").asString()).isEqualTo("EARNED");
        // the seller's money: total less fee, tax and the commission, nothing lost
        long sellerGot = -LedgerFixtures.sumOn(UUID.fromString(paid.orderId()), "SELLER_AVAILABLE",
                "SELLER_ORDER_COMPLETED");
        long fee = -LedgerFixtures.sumOn(UUID.fromString(paid.orderId()), "FEE_INCOME", null);
        long tax = -LedgerFixtures.sumOn(UUID.fromString(paid.orderId()), "SELLER_WITHHELD_TAX", null);
        assertThat(sellerGot + fee + tax + 15_000).isEqualTo(paid.totalIdr());
    }

    @Test
    void aRefundGivesThePendingCommissionBackToTheSeller() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = openListing(seller, 20);
        Creator creator = SocialFixtures.verifiedCreator(api);
        // carried by the order alone: no click was recorded
        Paid paid = placeAndPay(shopper, item(listing, 2, showcased(creator, listing)));
        awaitSummary(creator, summary -> summary.get("pendingIdr").asLong() == 60_000);

        api.post("/api/v1/orders/" + paid.orderId() + "/cancel", Map.of()).bearer(shopper).send().expect(200);

        JsonNode reversed = awaitSummary(creator, summary -> summary.get("reversedIdr").asLong() == 60_000);
        assertThat(reversed.get("pendingIdr").asLong()).isZero();
        assertThat(reversed.get("earnedIdr").asLong()).isZero();
        assertThat(creatorBalance(creator, "CREATOR_PENDING")).isZero();
        assertThat(LedgerFixtures.sumOn(UUID.fromString(paid.orderId()), "SELLER_PENDING", null)).isZero();
        assertThat(-LedgerFixtures.sumOn(UUID.fromString(paid.orderId()), "REFUNDS_PAYABLE", "SELLER_ORDER_REFUNDED"))
            .isEqualTo(paid.totalIdr());
    }

    @Test
    void theRateInForceWhenTheOrderWasPlacedIsPaid() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = openListing(seller, 5);
        Creator creator = SocialFixtures.verifiedCreator(api);
        String ref = showcased(creator, listing);
        JsonNode placed = OrderFixtures.place(api, shopper, order(item(listing, 1, ref))).expect(201).json();
        rate(seller, listing, 30).expect(200);
        settle(api, shopper, qris(api, shopper, placed.get("orderId").asString()));

        assertThat(awaitSummary(creator, summary -> summary.get("pendingIdr").asLong() > 0).get("pendingIdr").asLong())
            .isEqualTo(7_500);
    }

    @Test
    void noCommissionOnTheCreatorsOwnPurchaseNorOnItsOwnListingsYetTheOrderIsPlaced() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = openListing(seller, 10);
        // the order goes to the creator's own number (as the shopper typed it)
        Creator buyer = SocialFixtures.apply(api, SocialFixtures.application(SocialFixtures.handle(),
                SocialFixtures.confirmedKtp(), "3204", "0812-3456-7890"), "VERIFIED");
        Paid own = placeAndPay(shopper, item(listing, 1, showcased(buyer, listing)));

        // a person who is both the seller and a creator
        LocalDate born = SellerFixtures.someAdultBirthDate();
        String nik = SellerFixtures.nik(born, false);
        TestIdentityRegistry.confirm(nik);
        Seller person = CatalogFixtures.apply(api, SellerFixtures.ktpApplication(nik, born, "MALE", "WNI"), "VERIFIED");
        String ownListing = openListing(person, 10);
        Creator self = SocialFixtures.apply(api, SocialFixtures.application(SocialFixtures.handle(),
                SellerFixtures.ktp(nik, born, "MALE", "WNI"), "3204"), "VERIFIED");
        Paid selfPromoted = placeAndPay(api.newAccount("SHOPPER"), item(ownListing, 1, showcased(self, ownListing)));

        awaitDelivered(own);
        awaitDelivered(selfPromoted);
        assertThat(commissions(own)).isZero();
        assertThat(commissions(selfPromoted)).isZero();
        assertThat(summary(buyer).get("orders").asLong()).isZero();
        assertThat(summary(self).get("orders").asLong()).isZero();
    }

    @Test
    void aReferenceThatDoesNotVerifyARevokedCreatorOrAClosedPlanEarnNothingAndTheOrderIsPlaced() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = openListing(seller, 10);
        Creator creator = SocialFixtures.verifiedCreator(api);
        String ref = showcased(creator, listing);
        String forged = ref.substring(0, ref.length() - 3) + (ref.endsWith("AAA") ? "BBB" : "AAA");

        assertThat(click(shopper, forged).expect(400).json().get("code").asString()).isEqualTo("AFFILIATE_REF_INVALID");
        assertThat(click(shopper, "x".repeat(500)).expect(400).json().get("code").asString())
            .isEqualTo("VALIDATION_FAILED");
        Paid withForged = placeAndPay(shopper, item(listing, 1, forged));
        // another listing's reference does not carry over
        String otherListing = openListing(seller, 10);
        Paid withOthers = placeAndPay(api.newAccount("SHOPPER"), item(otherListing, 1, ref));
        // a creator revoked since it showed the reference
        Creator revoked = SocialFixtures.verifiedCreator(api);
        String revokedRef = showcased(revoked, otherListing);
        api.post("/api/v1/compliance/creators/" + revoked.creatorId() + "/revoke",
                Map.of("reason", "Fake reviews in its posts"))
            .bearer(api.newStaffAccount("COMPLIANCE_OFFICER"))
            .send()
            .expect(200);
        Paid throughRevoked = placeAndPay(api.newAccount("SHOPPER"), item(otherListing, 1, revokedRef));
        api.delete("/api/v1/sellers/me/affiliate-plans/" + listing).bearer(seller.token()).send().expect(204);
        Paid afterClosing = placeAndPay(api.newAccount("SHOPPER"), item(listing, 1, ref));

        for (Paid paid : List.of(withForged, withOthers, throughRevoked, afterClosing)) {
            awaitDelivered(paid);
            assertThat(commissions(paid)).isZero();
        }
        assertThat(summary(creator).get("orders").asLong()).isZero();
    }

    @Test
    void aCreatorSeesOnlyItsOwnFiguresAndStaffReadThemWithAReason() {
        Creator creator = SocialFixtures.verifiedCreator(api);
        Seller seller = CatalogFixtures.verifiedSeller(api);
        // a creator has no way into a seller's money, a seller none into a creator's
        for (String path : List.of("/api/v1/sellers/me/ledger", "/api/v1/sellers/me/balance",
                "/api/v1/sellers/me/orders", "/api/v1/compliance/reports/affiliates",
                "/api/v1/compliance/creators/" + creator.creatorId() + "/commissions")) {
            assertThat(api.get(path).bearer(creator.token()).send().status()).as(path).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/creators/me/commissions").bearer(seller.token()).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/creators/me/commissions/summary").bearer(shopper).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/creators/me/commissions?cursor=nope")
            .bearer(creator.token())
            .send()
            .expect(400)
            .json()
            .get("code")
            .asString()).isEqualTo("INVALID_CURSOR");

        String officer = api.newStaffAccount("COMPLIANCE_OFFICER");
        String path = "/api/v1/compliance/creators/" + creator.creatorId() + "/commissions/summary";
        assertThat(api.get(path).bearer(officer).send().expect(400).json().get("code").asString())
            .isEqualTo("ACCESS_REASON_REQUIRED");
        api.get(path).bearer(officer).header("X-Access-Reason", "Complaint 4411 about fake clicks").send().expect(200);
        assertThat(number("SELECT count(*) FROM compliance.data_access_log WHERE creator_id = ? AND reason = ?",
                UUID.fromString(creator.creatorId()), "Complaint 4411 about fake clicks"))
            .isEqualTo(1);
    }

    @Test
    void auditorsSeeOrdersThroughCreatorsAgainstDirectOnesWithSmallGroupsSuppressed() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = openListing(seller, 10);
        Creator creator = SocialFixtures.verifiedCreator(api);
        Paid paid = placeAndPay(shopper, item(listing, 1, showcased(creator, listing)));
        awaitSummary(creator, summary -> summary.get("orders").asLong() == 1);
        String auditor = api.newStaffAccount("AUDITOR");

        JsonNode report = api.get("/api/v1/compliance/reports/affiliates").bearer(auditor).send().expect(200).json();

        assertThat(report.get("all").get("sellerOrders").asLong())
            .isEqualTo(report.get("throughCreators").get("sellerOrders").asLong()
                    + report.get("direct").get("sellerOrders").asLong());
        assertThat(report.get("all").get("itemsIdr").asLong()).isEqualTo(
                report.get("throughCreators").get("itemsIdr").asLong() + report.get("direct").get("itemsIdr").asLong());
        assertThat(report.get("throughCreators").get("sellerOrders").asLong()).isPositive();
        assertThat(report.get("commissions").get("pendingIdr").asLong()).isGreaterThanOrEqualTo(15_000);
        assertThat(report.get("smallestGroup").asInt()).isEqualTo(5);
        for (JsonNode group : report.get("byCreatorKind")) {
            if (group.get("suppressed").asBoolean()) {
                assertThat(group.get("itemsIdr").isNull()).isTrue();
            }
            else {
                assertThat(group.get("creators").asLong()).isGreaterThanOrEqualTo(5);
            }
        }
        String csv = api.get("/api/v1/compliance/reports/affiliates")
            .bearer(auditor)
            .header("Accept", "text/csv")
            .send()
            .expect(200)
            .body();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("group,key,suppressed,creators,sellers");
        assertThat(csv).contains("\ndirect,");
        assertThat(api.get("/api/v1/compliance/reports/affiliates").bearer(seller.token()).send().status())
            .isEqualTo(403);
        assertThat(paid.orderId()).isNotNull();
    }

    private String openListing(Seller seller, int percent) {
        String listing = OrderFixtures.listingWithStock(api, seller, 20, PRICE);
        rate(seller, listing, percent).expect(200);
        return listing;
    }

    private Api.Response rate(Seller seller, String listing, int percent) {
        return api.put("/api/v1/sellers/me/affiliate-plans/" + listing, Map.of("commissionPercent", percent))
            .bearer(seller.token())
            .send();
    }

    /**
     * The creator showcases the listing: its reference, as the public showcase gives it.
     */
    private String showcased(Creator creator, String listing) {
        api.put("/api/v1/creators/me/showcase/" + listing, Map.of()).bearer(creator.token()).send().expect(204);
        for (JsonNode item : api.get("/api/v1/creators/" + creator.handle() + "/showcase?size=100")
            .send()
            .expect(200)
            .json()
            .get("items")) {
            if (item.get("listingId").asString().equals(listing)) {
                return item.get("affiliateRef").asString();
            }
        }
        throw new AssertionError("listing " + listing + " is not in the showcase");
    }

    private Api.Response click(String shopperToken, String ref) {
        return api.post("/api/v1/affiliate-clicks", Map.of("affiliateRef", ref)).bearer(shopperToken).send();
    }

    private static Map<String, Object> item(String listing, int quantity, String ref) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("listingId", listing);
        item.put("quantity", quantity);
        if (ref != null) {
            item.put("affiliateRef", ref);
        }
        return item;
    }

    private static Map<String, Object> order(Map<String, Object> item) {
        Map<String, Object> order = new HashMap<>();
        order.put("items", List.of(item));
        order.put("shippingAddress", OrderFixtures.ADDRESS);
        return order;
    }

    private Paid placeAndPay(String shopperToken, Map<String, Object> item) {
        JsonNode placed = OrderFixtures.place(api, shopperToken, order(item)).expect(201).json();
        String orderId = placed.get("orderId").asString();
        settle(api, shopperToken, qris(api, shopperToken, orderId));
        JsonNode part = placed.get("sellerOrders").get(0);
        return new Paid(orderId, part.get("sellerOrderId").asString(), part.get("subtotalIdr").asLong(),
                placed.get("totalIdr").asLong());
    }

    private JsonNode summary(Creator creator) {
        return api.get("/api/v1/creators/me/commissions/summary").bearer(creator.token()).send().expect(200).json();
    }

    private JsonNode awaitSummary(Creator creator, java.util.function.Predicate<JsonNode> condition) {
        await().atMost(Duration.ofSeconds(15)).until(() -> condition.test(summary(creator)));
        return summary(creator);
    }

    /** Waits until the ledger has posted the seller order's payment. */
    private static void awaitDelivered(Paid paid) {
        await().atMost(Duration.ofSeconds(15))
            .until(() -> number("SELECT count(*) FROM ledger.transactions WHERE source_key = ?",
                    "paid:" + paid.sellerOrderId()) == 1);
    }

    private static long commissions(Paid paid) {
        return number("SELECT count(*) FROM ledger.commissions WHERE seller_order_id = ?",
                UUID.fromString(paid.sellerOrderId()));
    }

    private static long creatorBalance(Creator creator, String kind) {
        return number("SELECT coalesce(sum(balance_idr), 0) FROM ledger.accounts WHERE kind = ? AND holder_id = ?",
                kind, UUID.fromString(creator.creatorId()));
    }

    private static List<JsonNode> entries(JsonNode lines, String type) {
        List<JsonNode> found = new java.util.ArrayList<>();
        lines.forEach(line -> {
            if (line.get("type").asString().equals(type)) {
                found.add(line);
            }
        });
        return found;
    }

}

package id.pasar.orders;

import static id.pasar.orders.OrderFixtures.listingWithStock;
import static id.pasar.orders.OrderSteps.badField;
import static id.pasar.orders.OrderSteps.clock;
import static id.pasar.orders.OrderSteps.invalidState;
import static id.pasar.orders.OrderSteps.movedBack;
import static id.pasar.orders.OrderSteps.problem;
import static id.pasar.orders.OrderSteps.refundsOf;
import static id.pasar.orders.OrderSteps.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.orders.OrderSteps.Delivered;
import id.pasar.orders.internal.OrderJobs;
import id.pasar.orders.internal.RefundJobs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Returns over HTTP, as the shopper, the seller and a compliance officer see them (issue
 * 19): the refusal path up to an officer's decision, what the clock decides, every move
 * that does not apply (409 with the return's state), bad input naming its field, and the
 * roles that may not call.
 */
@IntegrationTest
class ReturnsTest {

    private static final Map<String, Object> ASK = Map.of("reason", "DAMAGED", "description",
            "Anyaman rusak di bagian pegangan", "photoUrls", List.of("https://cdn.example.id/retur/1.jpg"));

    @LocalServerPort
    int port;

    @Autowired
    OrderJobs orderJobs;

    @Autowired
    RefundJobs refundJobs;

    Api api;

    OrderSteps steps;

    Seller seller;

    String listing;

    String shopper;

    String officer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        steps = new OrderSteps(api);
        seller = CatalogFixtures.verifiedSeller(api);
        listing = listingWithStock(api, seller, 20, 120_000);
        shopper = api.newAccount("SHOPPER");
        officer = api.newStaffAccount("COMPLIANCE_OFFICER");
    }

    @Test
    void aRefusedReturnEscalatedAndAcceptedByAnOfficerIsSentBackReceivedAndRefunded() throws Exception {
        Delivered delivered = steps.delivered(shopper, seller, listing);
        String returnId = ask(delivered).expect(201).json().get("returnId").asString();

        JsonNode refused = refuse(returnId, "Barang sudah dipakai").expect(200).json();
        assertThat(refused.get("state").asString()).isEqualTo("REFUSED");
        assertThat(refused.get("refusalReason").asString()).isEqualTo("Barang sudah dipakai");
        movedBack("seller_orders", "delivered_at", delivered.sellerOrderId(), "3 days");
        clock(orderJobs);
        assertThat(order(delivered).get("status").asString())
            .as("a refusal the shopper may still escalate holds the completion")
            .isEqualTo("DELIVERED");

        JsonNode escalated = escalate(delivered, returnId).expect(200).json();
        assertThat(escalated.get("state").asString()).isEqualTo("ESCALATED");
        assertThat(escalated.get("escalatedAt").isNull()).isFalse();
        assertThat(queue()).contains(returnId);

        JsonNode decided = decide(returnId, Map.of("accept", true, "note", "Foto menunjukkan kerusakan")).expect(200)
            .json();
        assertThat(decided.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(decided.get("decidedBy").asString()).isEqualTo("OFFICER");
        assertThat(decided.get("officerNote").asString()).isEqualTo("Foto menunjukkan kerusakan");
        assertThat(queue()).as("decided, it leaves the queue").doesNotContain(returnId);
        invalidState(decide(returnId, Map.of("accept", false, "note", "Lagi")), "ACCEPTED");
        invalidState(seller("receive", returnId), "ACCEPTED");

        JsonNode sentBack = shipBack(delivered, returnId, "JNE0987654321").expect(200).json();
        assertThat(sentBack.get("state").asString()).isEqualTo("SHIPPED_BACK");
        assertThat(sentBack.get("returnTrackingNumber").asString()).isEqualTo("JNE0987654321");
        invalidState(shipBack(delivered, returnId, "JNE0987654322"), "SHIPPED_BACK");

        JsonNode received = seller("receive", returnId).expect(200).json();
        assertThat(received.get("state").asString()).isEqualTo("REFUNDED");
        invalidState(seller("receive", returnId), "REFUNDED");
        refundJobs.sendDueRefunds();
        JsonNode returned = order(delivered);
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(statusOf(returned, seller)).isEqualTo("RETURNED");
        assertThat(refundsOf(returned)).singleElement().satisfies(refund -> {
            assertThat(refund.get("sellerOrderId").asString()).isEqualTo(delivered.sellerOrderId());
            assertThat(refund.get("amountIdr").asLong()).as("items and shipping").isEqualTo(delivered.totalIdr());
            assertThat(refund.get("state").asString()).isEqualTo("SUCCEEDED");
        });
        JsonNode sellerView = api.get("/api/v1/sellers/me/orders/" + delivered.sellerOrderId())
            .bearer(seller.token())
            .send()
            .expect(200)
            .json();
        assertThat(sellerView.get("status").asString()).isEqualTo("RETURNED");
        assertThat(OrderLoopTest.moneyInvariantViolations(List.of(delivered.orderId()))).isEmpty();
    }

    @Test
    void anOfficerRejectsAnEscalatedReturnAndTheSellerOrderThenCompletesByTheClock() throws Exception {
        Delivered delivered = steps.delivered(shopper, seller, listing);
        String returnId = ask(delivered).expect(201).json().get("returnId").asString();
        refuse(returnId, "Tidak ada kerusakan saat dikirim").expect(200);
        escalate(delivered, returnId).expect(200);
        movedBack("seller_orders", "delivered_at", delivered.sellerOrderId(), "3 days");
        movedBack("return_requests", "decided_at", returnId, "3 days");
        clock(orderJobs);
        assertThat(order(delivered).get("status").asString()).as("an escalated return holds the completion")
            .isEqualTo("DELIVERED");

        JsonNode rejected = decide(returnId, Map.of("accept", false, "note", "Kerusakan karena pemakaian")).expect(200)
            .json();
        assertThat(rejected.get("state").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("closedAt").isNull()).isFalse();
        invalidState(shipBack(delivered, returnId, "JNE0987654321"), "REJECTED");
        invalidState(escalate(delivered, returnId), "REJECTED");

        clock(orderJobs);
        JsonNode completed = order(delivered);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(refundsOf(completed)).isEmpty();
    }

    @Test
    void theOfficersQueueIsTheEscalatedOnesOldestFirstPagedWithACursorOfItsOwn() {
        List<String> escalated = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Delivered delivered = steps.delivered(shopper, seller, listing);
            String returnId = ask(delivered).expect(201).json().get("returnId").asString();
            refuse(returnId, "Tidak sesuai syarat retur").expect(200);
            escalate(delivered, returnId).expect(200);
            escalated.add(returnId);
        }
        Delivered notEscalated = steps.delivered(shopper, seller, listing);
        String refusedId = ask(notEscalated).expect(201).json().get("returnId").asString();
        refuse(refusedId, "Tidak sesuai syarat retur").expect(200);

        List<String> walked = new ArrayList<>();
        String cursor = null;
        String firstCursor = null;
        do {
            JsonNode page = api.get("/api/v1/compliance/returns?size=1" + (cursor == null ? "" : "&cursor=" + cursor))
                .bearer(officer)
                .send()
                .expect(200)
                .json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(1);
            page.get("items").forEach(item -> {
                assertThat(item.get("state").asString()).isEqualTo("ESCALATED");
                walked.add(item.get("returnId").asString());
            });
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            firstCursor = firstCursor == null ? cursor : firstCursor;
        }
        while (cursor != null);
        assertThat(walked).as("every one once, the older first")
            .containsSubsequence(escalated)
            .doesNotHaveDuplicates()
            .doesNotContain(refusedId);

        // a cursor of the ESCALATED queue for another state, of another list, or made up
        problem(api.get("/api/v1/compliance/returns?state=REFUSED&cursor=" + firstCursor).bearer(officer).send(), 400,
                "INVALID_CURSOR");
        String sellersCursor = api.get("/api/v1/sellers/me/returns?size=1")
            .bearer(seller.token())
            .send()
            .expect(200)
            .json()
            .get("nextCursor")
            .asString();
        problem(api.get("/api/v1/compliance/returns?cursor=" + sellersCursor).bearer(officer).send(), 400,
                "INVALID_CURSOR");
        problem(api.get("/api/v1/compliance/returns?cursor=bm90LWEtY3Vyc29y").bearer(officer).send(), 400,
                "INVALID_CURSOR");
        problem(api.get("/api/v1/compliance/returns?state=LOST").bearer(officer).send(), 400, "INVALID_PARAMETER");
        problem(api.get("/api/v1/compliance/returns?size=0").bearer(officer).send(), 400, "VALIDATION_FAILED");
        List<JsonNode> refusedOnes = api.allItems("/api/v1/compliance/returns?state=REFUSED", officer);
        assertThat(refusedOnes).extracting(r -> r.get("state").asString()).containsOnly("REFUSED");
        assertThat(refusedOnes).extracting(r -> r.get("returnId").asString())
            .contains(refusedId)
            .doesNotContainAnyElementsOf(escalated);
    }

    @Test
    void aSellerWhoDoesNotDecideInTwoDaysHasTheReturnAcceptedByTheClock() throws Exception {
        Delivered delivered = steps.delivered(shopper, seller, listing);
        String returnId = ask(delivered).expect(201).json().get("returnId").asString();
        clock(orderJobs);
        assertThat(returnOf(delivered).get("state").asString()).as("not before two days").isEqualTo("REQUESTED");

        movedBack("return_requests", "requested_at", returnId, "2 days 1 minute");
        clock(orderJobs);
        JsonNode accepted = returnOf(delivered);
        assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("decidedBy").asString()).isEqualTo("SYSTEM");
        invalidState(seller("accept", returnId), "ACCEPTED");
        invalidState(refuse(returnId, "Terlambat"), "ACCEPTED");
        shipBack(delivered, returnId, "SICEPAT00012345").expect(200);
    }

    @Test
    void anAcceptedReturnNeverSentBackLapsesAndTheSellerOrderThenCompletes() throws Exception {
        Delivered delivered = steps.delivered(shopper, seller, listing);
        String returnId = ask(delivered).expect(201).json().get("returnId").asString();
        JsonNode accepted = seller("accept", returnId).expect(200).json();
        assertThat(accepted.get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("decidedBy").asString()).isEqualTo("SELLER");
        invalidState(seller("accept", returnId), "ACCEPTED");
        invalidState(seller("receive", returnId), "ACCEPTED");
        invalidState(escalate(delivered, returnId), "ACCEPTED");
        invalidState(decide(returnId, Map.of("accept", true, "note", "Bukan eskalasi")), "ACCEPTED");

        movedBack("seller_orders", "delivered_at", delivered.sellerOrderId(), "3 days");
        clock(orderJobs);
        assertThat(order(delivered).get("status").asString()).as("an accepted return holds the completion")
            .isEqualTo("DELIVERED");
        movedBack("return_requests", "decided_at", returnId, "6 days");
        clock(orderJobs);
        assertThat(returnOf(delivered).get("state").asString()).as("not before seven days").isEqualTo("ACCEPTED");

        movedBack("return_requests", "decided_at", returnId, "1 day 1 minute");
        clock(orderJobs);
        JsonNode lapsed = returnOf(delivered);
        assertThat(lapsed.get("state").asString()).isEqualTo("LAPSED");
        assertThat(lapsed.get("closedAt").isNull()).isFalse();
        JsonNode completed = order(delivered);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(refundsOf(completed)).isEmpty();
        invalidState(shipBack(delivered, returnId, "JNE0987654321"), "LAPSED");
    }

    @Test
    void aReturnIsAskedOnceAndWithinTwoDaysOfDelivery() throws Exception {
        Delivered delivered = steps.delivered(shopper, seller, listing);
        ask(delivered).expect(201);
        problem(ask(delivered), 409, "RETURN_ALREADY_REQUESTED");

        Delivered late = steps.delivered(shopper, seller, listing);
        movedBack("seller_orders", "delivered_at", late.sellerOrderId(), "2 days 1 minute");
        JsonNode closed = problem(ask(late), 409, "RETURN_WINDOW_CLOSED");
        assertThat(closed.get("closedAt").isNull()).isFalse();
        assertThat(returnsOf(late)).isEmpty();
    }

    @Test
    void escalationIsForARefusalWithinTwoDaysOfIt() throws Exception {
        Delivered delivered = steps.delivered(shopper, seller, listing);
        String returnId = ask(delivered).expect(201).json().get("returnId").asString();
        invalidState(escalate(delivered, returnId), "REQUESTED");
        invalidState(decide(returnId, Map.of("accept", true, "note", "Belum dieskalasi")), "REQUESTED");
        invalidState(shipBack(delivered, returnId, "JNE0987654321"), "REQUESTED");
        invalidState(seller("receive", returnId), "REQUESTED");

        refuse(returnId, "Barang sudah dipakai").expect(200);
        invalidState(refuse(returnId, "Dua kali"), "REFUSED");
        invalidState(seller("accept", returnId), "REFUSED");
        invalidState(decide(returnId, Map.of("accept", true, "note", "Belum dieskalasi")), "REFUSED");
        movedBack("return_requests", "decided_at", returnId, "2 days 1 minute");
        assertThat(problem(escalate(delivered, returnId), 409, "ESCALATION_WINDOW_CLOSED").get("closedAt").asString())
            .as("when the window closed, so that the client can say so")
            .isNotBlank();
        assertThat(returnOf(delivered).get("state").asString()).isEqualTo("REFUSED");

        // nothing more can happen to it: the seller order completes by the clock
        movedBack("seller_orders", "delivered_at", delivered.sellerOrderId(), "3 days");
        clock(orderJobs);
        assertThat(order(delivered).get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void onlyADeliveredSellerOrderCanBeReturned() {
        JsonNode unpaid = steps.placed(shopper, Map.of(listing, 1));
        invalidState(ask(unpaid.get("orderId").asString(), OrderSteps.partOf(unpaid, seller)), "PENDING_PAYMENT");
        JsonNode paid = steps.paid(shopper, Map.of(listing, 1));
        String orderId = paid.get("orderId").asString();
        String part = OrderSteps.partOf(paid, seller);
        invalidState(ask(orderId, part), "PAID");
        steps.ship(seller, part).expect(200);
        invalidState(ask(orderId, part), "SHIPPED");
        assertThat(api.get("/api/v1/orders/" + orderId + "/returns")
            .bearer(shopper)
            .send()
            .expect(200)
            .json()
            .get("items")).isEmpty();
    }

    @Test
    void badReturnInputIsRefusedNamingTheFieldAndStoresNothing() {
        Delivered delivered = steps.delivered(shopper, seller, listing);
        String path = "/api/v1/orders/" + delivered.orderId() + "/seller-orders/" + delivered.sellerOrderId()
                + "/return";

        badField(post(path, shopper, without(ASK, "reason")), "VALIDATION_FAILED", "reason");
        badField(post(path, shopper, with(ASK, "reason", "CHANGED_MY_MIND")), "MALFORMED_REQUEST", "reason");
        badField(post(path, shopper, with(ASK, "description", "x".repeat(1001))), "VALIDATION_FAILED", "description");
        badField(post(path, shopper, with(ASK, "photoUrls",
                List.of("https://a.id/1.jpg", "https://a.id/2.jpg", "https://a.id/3.jpg", "https://a.id/4.jpg"))),
                "VALIDATION_FAILED", "photoUrls");
        badField(post(path, shopper, with(ASK, "photoUrls", List.of("http://cdn.example.id/retur/1.jpg"))),
                "VALIDATION_FAILED", "photoUrls[0]");
        badField(post(path, shopper, with(ASK, "photoUrls", "https://cdn.example.id/retur/1.jpg")), "MALFORMED_REQUEST",
                "photoUrls");
        problem(post(path, shopper, "{\"reason\": \"DAMAGED\""), 400, "MALFORMED_REQUEST");
        assertThat(returnsOf(delivered)).as("nothing was stored").isEmpty();

        String returnId = ask(delivered).expect(201).json().get("returnId").asString();
        String refusePath = "/api/v1/sellers/me/returns/" + returnId + "/refuse";
        badField(post(refusePath, seller.token(), Map.of("reason", "   ")), "VALIDATION_FAILED", "reason");
        badField(post(refusePath, seller.token(), Map.of()), "VALIDATION_FAILED", "reason");
        badField(post(refusePath, seller.token(), Map.of("reason", "x".repeat(501))), "VALIDATION_FAILED", "reason");

        String decisionPath = "/api/v1/compliance/returns/" + returnId + "/decision";
        badField(post(decisionPath, officer, Map.of("note", "Tanpa keputusan")), "VALIDATION_FAILED", "accept");
        badField(post(decisionPath, officer, Map.of("accept", true)), "VALIDATION_FAILED", "note");
        badField(post(decisionPath, officer, Map.of("accept", "maybe", "note", "Tidak jelas")), "MALFORMED_REQUEST",
                "accept");

        seller("accept", returnId).expect(200);
        String shipBackPath = "/api/v1/orders/" + delivered.orderId() + "/returns/" + returnId + "/ship-back";
        badField(post(shipBackPath, shopper, Map.of("courier", "JNE", "trackingNumber", "JNE12")), "VALIDATION_FAILED",
                "trackingNumber");
        badField(post(shipBackPath, shopper, Map.of("courier", "JNE", "trackingNumber", "JNE 0987654321")),
                "VALIDATION_FAILED", "trackingNumber");
        badField(post(shipBackPath, shopper, Map.of("trackingNumber", "JNE0987654321")), "VALIDATION_FAILED",
                "courier");
        assertThat(returnOf(delivered).get("state").asString()).isEqualTo("ACCEPTED");

        // ids that are not UUIDs are a bad parameter, never a 500
        badField(post("/api/v1/sellers/me/returns/not-a-uuid/accept", seller.token(), Map.of()), "INVALID_PARAMETER",
                "returnId");
        badField(post("/api/v1/compliance/returns/42/decision", officer, Map.of("accept", true, "note", "x")),
                "INVALID_PARAMETER", "returnId");
        badField(post("/api/v1/orders/" + delivered.orderId() + "/returns/abc/escalate", shopper, Map.of()),
                "INVALID_PARAMETER", "returnId");
        badField(api.get("/api/v1/orders/nope/returns").bearer(shopper).send(), "INVALID_PARAMETER", "orderId");
        // well-formed ids of no return are 404
        problem(post("/api/v1/compliance/returns/" + UUID.randomUUID() + "/decision", officer,
                Map.of("accept", true, "note", "Tidak ada")), 404, "RETURN_NOT_FOUND");
        problem(post("/api/v1/sellers/me/returns/" + UUID.randomUUID() + "/accept", seller.token(), Map.of()), 404,
                "RETURN_NOT_FOUND");
        problem(post("/api/v1/orders/" + delivered.orderId() + "/returns/" + UUID.randomUUID() + "/escalate", shopper,
                Map.of()), 404, "RETURN_NOT_FOUND");
    }

    @Test
    void rolesThatMayNotTouchReturnsAreRefused() {
        Delivered delivered = steps.delivered(shopper, seller, listing);
        String returnId = ask(delivered).expect(201).json().get("returnId").asString();
        String auditor = api.newStaffAccount("AUDITOR");

        // the shopper's endpoints are the shopper's: a seller is 403
        problem(post(
                "/api/v1/orders/" + delivered.orderId() + "/seller-orders/" + delivered.sellerOrderId() + "/return",
                seller.token(), ASK), 403, "FORBIDDEN");
        problem(post("/api/v1/orders/" + delivered.orderId() + "/returns/" + returnId + "/escalate", seller.token(),
                Map.of()), 403, "FORBIDDEN");
        problem(api.get("/api/v1/orders/" + delivered.orderId() + "/returns").bearer(seller.token()).send(), 403,
                "FORBIDDEN");
        // the seller's are the seller's
        problem(post("/api/v1/orders/" + delivered.orderId() + "/returns/" + returnId + "/ship-back", seller.token(),
                Map.of("courier", "JNE", "trackingNumber", "JNE0987654321")), 403, "FORBIDDEN");
        problem(post("/api/v1/sellers/me/returns/" + returnId + "/accept", shopper, Map.of()), 403, "FORBIDDEN");
        // the officers' queue and decisions are the officers'
        for (String token : List.of(shopper, seller.token(), auditor)) {
            problem(api.get("/api/v1/compliance/returns").bearer(token).send(), 403, "FORBIDDEN");
            problem(post("/api/v1/compliance/returns/" + returnId + "/decision", token,
                    Map.of("accept", true, "note", "Bukan petugas")), 403, "FORBIDDEN");
        }
        problem(api.get("/api/v1/compliance/returns").send(), 401, "UNAUTHORIZED");
        problem(api
            .post("/api/v1/compliance/returns/" + returnId + "/decision", Map.of("accept", true, "note", "Tanpa token"))
            .send(), 401, "UNAUTHORIZED");
        problem(api
            .post("/api/v1/orders/" + delivered.orderId() + "/seller-orders/" + delivered.sellerOrderId() + "/return",
                    ASK)
            .send(), 401, "UNAUTHORIZED");
        assertThat(returnOf(delivered).get("state").asString()).as("nothing changed").isEqualTo("REQUESTED");
    }

    private Api.Response ask(Delivered delivered) {
        return ask(delivered.orderId(), delivered.sellerOrderId());
    }

    private Api.Response ask(String orderId, String sellerOrderId) {
        return post("/api/v1/orders/" + orderId + "/seller-orders/" + sellerOrderId + "/return", shopper, ASK);
    }

    private Api.Response refuse(String returnId, String why) {
        return post("/api/v1/sellers/me/returns/" + returnId + "/refuse", seller.token(), Map.of("reason", why));
    }

    private Api.Response seller(String verb, String returnId) {
        return post("/api/v1/sellers/me/returns/" + returnId + "/" + verb, seller.token(), Map.of());
    }

    private Api.Response escalate(Delivered delivered, String returnId) {
        return post("/api/v1/orders/" + delivered.orderId() + "/returns/" + returnId + "/escalate", shopper, Map.of());
    }

    private Api.Response decide(String returnId, Map<String, Object> decision) {
        return post("/api/v1/compliance/returns/" + returnId + "/decision", officer, decision);
    }

    private Api.Response shipBack(Delivered delivered, String returnId, String trackingNumber) {
        return post("/api/v1/orders/" + delivered.orderId() + "/returns/" + returnId + "/ship-back", shopper,
                Map.of("courier", "JNE", "trackingNumber", trackingNumber));
    }

    private Api.Response post(String path, String token, Object body) {
        return api.post(path, body).bearer(token).send();
    }

    private List<JsonNode> returnsOf(Delivered delivered) {
        return api.get("/api/v1/orders/" + delivered.orderId() + "/returns")
            .bearer(shopper)
            .send()
            .expect(200)
            .json()
            .get("items")
            .valueStream()
            .toList();
    }

    private JsonNode returnOf(Delivered delivered) {
        List<JsonNode> returns = returnsOf(delivered);
        assertThat(returns).hasSize(1);
        return returns.get(0);
    }

    private JsonNode order(Delivered delivered) {
        return steps.order(shopper, delivered.orderId());
    }

    /** The ids of the officers' queue (ESCALATED), every page. */
    private List<String> queue() {
        return api.allItems("/api/v1/compliance/returns", officer)
            .stream()
            .map(r -> r.get("returnId").asString())
            .toList();
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.remove(field);
        return changed;
    }

}

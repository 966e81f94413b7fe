package id.pasar.security;

import static id.pasar.catalog.CatalogFixtures.listing;
import static id.pasar.orders.OrderFixtures.grossOf;
import static id.pasar.orders.OrderFixtures.notification;
import static id.pasar.orders.OrderFixtures.order;
import static id.pasar.orders.OrderFixtures.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.ledger.PayoutFixtures;
import id.pasar.orders.AddressFixtures;
import id.pasar.orders.OrderFixtures;
import id.pasar.social.SocialFixtures;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * OWASP API1 (broken object-level authorization): every endpoint that takes the id of
 * something a user owns answers another user exactly as it answers an id that does not
 * exist, 404 with the same code, and changes nothing. Endpoints whose ids are not owned
 * (staff acting on any seller, the public shelf, reference data) are listed with why; an
 * id-bearing row of the role matrix in neither list fails
 * {@link #everyIdBearingEndpointIsClassified()}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Api1ObjectLevelAuthorizationTest {

    /**
     * Ids that are not owned by a user, and why another user's id is not a question for
     * them.
     */
    static final Map<String, String> NOT_OWNED = Map.ofEntries(
            Map.entry("POST /api/v1/compliance/seller-applications/{sellerId}/decision",
                    "officers decide any seller's application"),
            Map.entry("POST /api/v1/compliance/sellers/{sellerId}/revoke", "officers revoke any seller"),
            Map.entry("GET /api/v1/compliance/sellers/{sellerId}", "officers read any seller, with an access reason"),
            Map.entry("DELETE /api/v1/admin/platform-affiliates/{id}", "the platform's own list, kept by ADMINs"),
            Map.entry("GET /api/v1/catalog/listings/{listingId}",
                    "the public shelf: published listings only (tested below)"),
            Map.entry("GET /api/v1/regions/provinces/{code}/regencies", "reference data"),
            Map.entry("POST /api/v1/compliance/returns/{returnId}/decision", "officers decide any escalated return"),
            Map.entry("PUT /api/v1/cart/items/{variantId}",
                    "the caller's own cart; a variant id is the public shelf's"),
            Map.entry("DELETE /api/v1/cart/items/{variantId}",
                    "the caller's own cart; a variant id is the public shelf's"),
            Map.entry("GET /media/{mediaId}/{width}.jpg",
                    "photos are public, like the listings that show them; attaching one is owned "
                            + "(ListingPhotosTest: another seller's photo is 422)"),
            Map.entry("GET /api/v1/posts/{postId}", "posts are public; changing one is owned (below)"),
            Map.entry("PUT /api/v1/posts/{postId}/like",
                    "any public post; the like is the caller's own (ReactionsTest)"),
            Map.entry("DELETE /api/v1/posts/{postId}/like", "removes only the caller's own like (ReactionsTest)"),
            Map.entry("POST /api/v1/posts/{postId}/comments", "anyone may comment on any public post"),
            Map.entry("GET /api/v1/posts/{postId}/comments", "a public post's shown comments are public"),
            Map.entry("POST /api/v1/compliance/comments/{commentId}/hide", "officers hide any comment"),
            Map.entry("PUT /api/v1/follows/{kind}/{id}",
                    "the id is a public seller or creator; the follow written is the caller's own (FeedTest)"),
            Map.entry("DELETE /api/v1/follows/{kind}/{id}",
                    "removes only the caller's own follow of a public seller or creator (FeedTest)"),
            Map.entry("GET /api/v1/creators/{handle}",
                    "creators' profiles are public and hold no identity data (CreatorsTest)"),
            Map.entry("DELETE /api/v1/sellers/me/affiliate-plans/{listingId}",
                    "closes only the caller's own plan; another seller's listing: nothing (AffiliatePlansTest)"),
            Map.entry("PUT /api/v1/creators/me/showcase/{listingId}",
                    "the caller's own showcase; any listing open to affiliates may be in it"),
            Map.entry("DELETE /api/v1/creators/me/showcase/{listingId}", "removes only from the caller's own showcase"),
            Map.entry("GET /api/v1/creators/{handle}/showcase", "showcases are public, as profiles are"),
            Map.entry("GET /api/v1/compliance/creators/{creatorId}/commissions",
                    "officers read any creator's figures, with an access reason (CommissionsTest)"),
            Map.entry("GET /api/v1/compliance/creators/{creatorId}/commissions/summary",
                    "officers read any creator's figures, with an access reason (CommissionsTest)"),
            Map.entry("POST /api/v1/compliance/creator-applications/{creatorId}/decision",
                    "officers decide any creator's application (CreatorReviewTest)"),
            Map.entry("POST /api/v1/compliance/creators/{creatorId}/revoke",
                    "officers revoke any creator (CreatorReviewTest)"),
            Map.entry("GET /api/v1/compliance/creators/{creatorId}",
                    "officers read any creator, with an access reason (CreatorReviewTest)"));

    @LocalServerPort
    int port;

    Api api;

    Seller owner;

    Seller other;

    String draft;

    String published;

    String ownersShopper;

    String postId;

    String commentId;

    String otherShopper;

    String orderId;

    String sellerOrderId;

    String addressId;

    String paymentId;

    String returnId;

    String deliveryId;

    String payoutId;

    String creatorsPayoutId;

    /** Each owned endpoint, called by the "other" user with a given id. */
    final Map<String, Function<String, Api.Response>> owned = new LinkedHashMap<>();

    /**
     * The owner's id for an owned endpoint whose path variable names another owner's
     * thing than the shared ones below (a creator's payout, not the seller's).
     */
    final Map<String, String> ownersIds = new LinkedHashMap<>();

    @BeforeAll
    void twoOfEverything() {
        api = new Api(port);
        owner = CatalogFixtures.verifiedSeller(api);
        other = CatalogFixtures.verifiedSeller(api);
        draft = CatalogFixtures.createDraft(api, owner, listing("Tikar Pandan"));
        published = OrderFixtures.listingWithStock(api, owner, 20, 25_000);
        ownersShopper = api.newAccount("SHOPPER");
        postId = api.post("/api/v1/posts", Map.of("text", "Tikar baru", "listingIds", List.of(published)))
            .bearer(owner.token())
            .send()
            .expect(201)
            .json()
            .get("postId")
            .asString();
        commentId = api.post("/api/v1/posts/" + postId + "/comments", Map.of("text", "Bagus"))
            .bearer(owner.token())
            .send()
            .expect(201)
            .json()
            .get("commentId")
            .asString();
        otherShopper = api.newAccount("SHOPPER");
        // The owner's webhook: its paid order makes a delivery (never sent here: no job
        // runs).
        api.put("/api/v1/sellers/me/webhook", Map.of("url", "http://127.0.0.1:9/hook"))
            .bearer(owner.token())
            .send()
            .expect(201);
        JsonNode placed = place(api, ownersShopper, order(published, 1)).expect(201).json();
        orderId = placed.get("orderId").asString();
        sellerOrderId = placed.get("sellerOrders").get(0).get("sellerOrderId").asString();
        paymentId = api.post("/api/v1/orders/" + orderId + "/payments", Map.of("method", "QRIS"))
            .bearer(ownersShopper)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .send()
            .expect(201)
            .json()
            .get("paymentId")
            .asString();
        api.post("/api/v1/payments/notifications",
                notification(orderId, "settlement", grossOf(api, ownersShopper, orderId)))
            .send()
            .expect(200);
        deliveryId = await().atMost(Duration.ofSeconds(10))
            .until(() -> api.get("/api/v1/sellers/me/webhook/deliveries")
                .bearer(owner.token())
                .send()
                .expect(200)
                .json()
                .get("items"), items -> !items.isEmpty())
            .get(0)
            .get("deliveryId")
            .asString();
        addressId = api.post("/api/v1/shoppers/me/addresses", AddressFixtures.address("Rumah"))
            .bearer(ownersShopper)
            .send()
            .expect(201)
            .json()
            .get("addressId")
            .asString();

        // A second order of the owner's, delivered, with a return asked for.
        String delivered = place(api, ownersShopper, order(published, 1)).expect(201).json().get("orderId").asString();
        api.post("/api/v1/payments/notifications",
                notification(delivered, "settlement", grossOf(api, ownersShopper, delivered)))
            .send()
            .expect(200);
        String deliveredPart = api.get("/api/v1/orders/" + delivered)
            .bearer(ownersShopper)
            .send()
            .expect(200)
            .json()
            .get("sellerOrders")
            .get(0)
            .get("sellerOrderId")
            .asString();
        api.post("/api/v1/sellers/me/orders/" + deliveredPart + "/ship", Map.of("trackingNumber", "JNE-000002"))
            .bearer(owner.token())
            .send()
            .expect(200);
        api.post("/api/v1/orders/" + delivered + "/confirm-delivery", Map.of())
            .bearer(ownersShopper)
            .send()
            .expect(200);
        returnId = api
            .post("/api/v1/orders/" + delivered + "/seller-orders/" + deliveredPart + "/return",
                    Map.of("reason", "DAMAGED"))
            .bearer(ownersShopper)
            .send()
            .expect(201)
            .json()
            .get("returnId")
            .asString();

        // The owner's payout of money it has, to its own account.
        PayoutFixtures.credit(owner, 20_000);
        PayoutFixtures.withBankAccount(api, owner, "1234567890");
        payoutId = PayoutFixtures.requestPayout(api, owner, 10_000, UUID.randomUUID().toString())
            .expect(201)
            .json()
            .get("payoutId")
            .asString();

        // A creator's payout, asked for by another creator.
        SocialFixtures.Creator creator = SocialFixtures.verifiedCreator(api);
        PayoutFixtures.credit(creator, 20_000);
        PayoutFixtures.withBankAccount(api, creator, "1234567890");
        creatorsPayoutId = PayoutFixtures.requestPayout(api, creator, 10_000, UUID.randomUUID().toString())
            .expect(201)
            .json()
            .get("payoutId")
            .asString();
        String otherCreator = SocialFixtures.verifiedCreator(api).token();

        String sellerToken = other.token();
        owned.put("GET /api/v1/sellers/me/payouts/{payoutId}",
                id -> api.get("/api/v1/sellers/me/payouts/" + id).bearer(sellerToken).send());
        owned.put("GET /api/v1/creators/me/payouts/{payoutId}",
                id -> api.get("/api/v1/creators/me/payouts/" + id).bearer(otherCreator).send());
        ownersIds.put("GET /api/v1/creators/me/payouts/{payoutId}", creatorsPayoutId);
        owned.put("GET /api/v1/sellers/me/webhook/deliveries/{deliveryId}",
                id -> api.get("/api/v1/sellers/me/webhook/deliveries/" + id).bearer(sellerToken).send());
        owned.put("GET /api/v1/sellers/me/orders/{sellerOrderId}",
                id -> api.get("/api/v1/sellers/me/orders/" + id).bearer(sellerToken).send());
        owned.put("POST /api/v1/sellers/me/orders/{sellerOrderId}/cancel",
                id -> api.post("/api/v1/sellers/me/orders/" + id + "/cancel", Map.of("reason", "OUT_OF_STOCK"))
                    .bearer(sellerToken)
                    .send());
        for (String verb : List.of("cancel", "confirm-delivery", "return")) {
            owned.put("POST /api/v1/orders/{orderId}/seller-orders/{sellerOrderId}/" + verb,
                    id -> api
                        .post("/api/v1/orders/" + id + "/seller-orders/" + sellerOrderId + "/" + verb,
                                Map.of("reason", "DAMAGED"))
                        .bearer(otherShopper)
                        .send());
        }
        owned.put("GET /api/v1/orders/{orderId}/returns",
                id -> api.get("/api/v1/orders/" + id + "/returns").bearer(otherShopper).send());
        owned.put("POST /api/v1/orders/{orderId}/returns/{returnId}/escalate",
                id -> api.post("/api/v1/orders/" + delivered + "/returns/" + id + "/escalate", Map.of())
                    .bearer(otherShopper)
                    .send());
        owned.put("POST /api/v1/orders/{orderId}/returns/{returnId}/ship-back",
                id -> api
                    .post("/api/v1/orders/" + delivered + "/returns/" + id + "/ship-back",
                            Map.of("courier", "JNE", "trackingNumber", "JNE-000003"))
                    .bearer(otherShopper)
                    .send());
        for (String verb : List.of("accept", "receive")) {
            owned.put("POST /api/v1/sellers/me/returns/{returnId}/" + verb,
                    id -> api.post("/api/v1/sellers/me/returns/" + id + "/" + verb, Map.of())
                        .bearer(sellerToken)
                        .send());
        }
        owned.put("POST /api/v1/sellers/me/returns/{returnId}/refuse",
                id -> api.post("/api/v1/sellers/me/returns/" + id + "/refuse", Map.of("reason", "Bukan milik saya"))
                    .bearer(sellerToken)
                    .send());
        owned.put("PUT /api/v1/sellers/me/affiliate-plans/{listingId}",
                id -> api.put("/api/v1/sellers/me/affiliate-plans/" + id, Map.of("commissionPercent", 10))
                    .bearer(sellerToken)
                    .send());
        owned.put("GET /api/v1/listings/{listingId}",
                id -> api.get("/api/v1/listings/" + id).bearer(sellerToken).send());
        owned.put("PUT /api/v1/listings/{listingId}",
                id -> api.put("/api/v1/listings/" + id, listing("Milik saya")).bearer(sellerToken).send());
        owned.put("PUT /api/v1/listings/{listingId}/stock",
                id -> api.put("/api/v1/listings/" + id + "/stock", Map.of("stock", 0)).bearer(sellerToken).send());
        owned.put("PUT /api/v1/listings/{listingId}/variants/{variantId}",
                id -> api.put("/api/v1/listings/" + id + "/variants/" + id, Map.of("stock", 0))
                    .bearer(sellerToken)
                    .send());
        owned.put("POST /api/v1/listings/{listingId}/publish",
                id -> api.post("/api/v1/listings/" + id + "/publish", Map.of()).bearer(sellerToken).send());
        owned.put("POST /api/v1/listings/{listingId}/unpublish",
                id -> api.post("/api/v1/listings/" + id + "/unpublish", Map.of()).bearer(sellerToken).send());
        owned.put("POST /api/v1/sellers/me/orders/{sellerOrderId}/ship", id -> api
            .post("/api/v1/sellers/me/orders/" + id + "/ship", Map.of("courier", "JNE", "trackingNumber", "JNE-000001"))
            .bearer(sellerToken)
            .send());
        owned.put("GET /api/v1/orders/{orderId}", id -> api.get("/api/v1/orders/" + id).bearer(otherShopper).send());
        owned.put("POST /api/v1/orders/{orderId}/cancel",
                id -> api.post("/api/v1/orders/" + id + "/cancel", Map.of()).bearer(otherShopper).send());
        owned.put("POST /api/v1/orders/{orderId}/confirm-delivery",
                id -> api.post("/api/v1/orders/" + id + "/confirm-delivery", Map.of()).bearer(otherShopper).send());
        owned.put("GET /api/v1/shoppers/me/addresses/{addressId}",
                id -> api.get("/api/v1/shoppers/me/addresses/" + id).bearer(otherShopper).send());
        owned.put("PUT /api/v1/shoppers/me/addresses/{addressId}",
                id -> api.put("/api/v1/shoppers/me/addresses/" + id, AddressFixtures.address("Kantor"))
                    .bearer(otherShopper)
                    .send());
        owned.put("DELETE /api/v1/shoppers/me/addresses/{addressId}",
                id -> api.delete("/api/v1/shoppers/me/addresses/" + id).bearer(otherShopper).send());
        owned.put("POST /api/v1/orders/{orderId}/payments",
                id -> api.post("/api/v1/orders/" + id + "/payments", Map.of("method", "QRIS"))
                    .bearer(otherShopper)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .send());
        owned.put("GET /api/v1/orders/{orderId}/payments",
                id -> api.get("/api/v1/orders/" + id + "/payments").bearer(otherShopper).send());
        owned.put("POST /api/v1/sandbox/payments/{paymentId}/settle",
                id -> api.post("/api/v1/sandbox/payments/" + id + "/settle", Map.of()).bearer(otherShopper).send());
        owned.put("PATCH /api/v1/posts/{postId}",
                id -> api.patch("/api/v1/posts/" + id, Map.of("text", "bukan milikku")).bearer(other.token()).send());
        owned.put("DELETE /api/v1/comments/{commentId}",
                id -> api.delete("/api/v1/comments/" + id).bearer(other.token()).send());
        owned.put("DELETE /api/v1/posts/{postId}",
                id -> api.delete("/api/v1/posts/" + id).bearer(other.token()).send());
    }

    @Test
    void everyIdBearingEndpointIsClassified() {
        Set<String> idBearing = RoleMatrix.rows()
            .stream()
            .filter(RoleMatrix.Row::hasPathVariables)
            .map(RoleMatrix.Row::endpoint)
            .collect(Collectors.toCollection(TreeSet::new));
        Set<String> classified = new TreeSet<>(owned.keySet());
        classified.addAll(NOT_OWNED.keySet());
        assertThat(classified).as("id-bearing endpoints: test a new one here as owned, or say in NOT_OWNED why not")
            .containsAll(idBearing);
        assertThat(idBearing).as("owned endpoints tested here that the matrix does not list")
            .containsAll(owned.keySet());
    }

    @Test
    void anotherUsersIdIsAnsweredLikeAnIdThatDoesNotExist() {
        Map<String, String> theirs = Map.of("listingId", draft, "sellerOrderId", sellerOrderId, "orderId", orderId,
                "addressId", addressId, "paymentId", paymentId, "returnId", returnId, "deliveryId", deliveryId,
                "payoutId", payoutId, "postId", postId, "commentId", commentId);
        owned.forEach((endpoint, call) -> {
            String variable = endpoint.substring(endpoint.indexOf('{') + 1, endpoint.indexOf('}'));
            String id = ownersIds.containsKey(endpoint) ? ownersIds.get(endpoint)
                    : endpoint.contains("/listings/") && !endpoint.startsWith("GET") ? published : theirs.get(variable);
            Api.Response another = call.apply(id);
            Api.Response missing = call.apply(UUID.randomUUID().toString());
            assertThat(another.status()).as(endpoint + " with another user's id: " + another.body()).isEqualTo(404);
            assertThat(missing.status()).as(endpoint + " with an unknown id").isEqualTo(404);
            assertThat(another.json().get("code").asString()).as(endpoint)
                .isEqualTo(missing.json().get("code").asString());
            assertThat(another.json().get("detail").asString()).as(endpoint)
                .isEqualTo(missing.json().get("detail").asString());
        });
        // and nothing changed: the listing is still published at its stock, the order
        // still paid and unshipped
        JsonNode shelf = api.get("/api/v1/catalog/listings/" + published).send().expect(200).json();
        assertThat(shelf.get("stock").asInt()).isEqualTo(18);
        JsonNode mine = api.get("/api/v1/listings/" + draft).bearer(owner.token()).send().expect(200).json();
        assertThat(mine.get("title").asString()).isEqualTo("Tikar Pandan");
        JsonNode paid = api.get("/api/v1/orders/" + orderId).bearer(ownersShopper).send().expect(200).json();
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("sellerOrders").get(0).get("status").asString()).isEqualTo("PAID");
        JsonNode address = api.get("/api/v1/shoppers/me/addresses/" + addressId)
            .bearer(ownersShopper)
            .send()
            .expect(200)
            .json();
        assertThat(address.get("label").asString()).isEqualTo("Rumah");
        assertThat(api.get("/api/v1/posts/" + postId).send().expect(200).json().get("text").asString())
            .isEqualTo("Tikar baru");
        assertThat(api.get("/api/v1/posts/" + postId + "/comments").send().expect(200).json().get("items")).hasSize(1);
    }

    @Test
    void listsHoldOnlyTheCallersOwn() {
        assertThat(ids(api.get("/api/v1/sellers/me/listings").bearer(other.token()).send(), "listingId"))
            .doesNotContain(draft, published);
        assertThat(ids(api.get("/api/v1/sellers/me/orders").bearer(other.token()).send(), "sellerOrderId"))
            .doesNotContain(sellerOrderId);
        assertThat(ids(api.get("/api/v1/orders").bearer(otherShopper).send(), "orderId")).doesNotContain(orderId);
        // the owners see theirs, so the lists above are not empty by accident
        assertThat(ids(api.get("/api/v1/sellers/me/listings").bearer(owner.token()).send(), "listingId"))
            .contains(draft, published);
        assertThat(ids(api.get("/api/v1/orders").bearer(ownersShopper).send(), "orderId")).contains(orderId);
    }

    @Test
    void aDraftIsNotOnThePublicShelfNotEvenForItsOwner() {
        for (String token : new String[] { null, owner.token(), otherShopper }) {
            Api.Request request = api.get("/api/v1/catalog/listings/" + draft);
            if (token != null) {
                request.bearer(token);
            }
            Api.Response response = request.send();
            response.expect(404);
            assertThat(response.json().get("code").asString()).isEqualTo("LISTING_NOT_FOUND");
        }
    }

    private static List<String> ids(Api.Response response, String field) {
        return response.expect(200).json().get("items").valueStream().map(item -> item.get(field).asString()).toList();
    }

}

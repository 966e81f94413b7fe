package id.pasar.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.onboarding.SellerFixtures;
import id.pasar.orders.OrderFixtures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * OWASP API3 (broken object property level authorization, "mass assignment"). Request
 * bodies are records with only the fields a caller may set; a field that is not one of
 * them (status, ids, prices, verification, UMKM class ...) is ignored, never bound, so
 * the server decides it. A field that is in the body but restricted (the registration
 * {@code role}) is refused with 400, see
 * {@code gateway.accounts.AccountsTest#aClientCannotGiveItselfAStaffRole}. Responses
 * carry no property the caller may not see: identity numbers are masked
 * ({@code SellerOnboardingTest}).
 */
@IntegrationTest
class Api3MassAssignmentTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aRegisteringUserCannotGiveItselfMoreThanItsSelfServiceRole() throws Exception {
        UUID chosenId = UUID.randomUUID();
        String email = "grabby-" + UUID.randomUUID() + "@example.id";
        Map<String, Object> body = new HashMap<>(
                Map.of("email", email, "password", "rahasia-sekali", "displayName", "Grabby", "role", "SHOPPER"));
        body.putAll(Map.of("roles", List.of("ADMIN"), "id", chosenId, "userId", chosenId, "enabled", true, "verified",
                true));
        String userId = api.post("/api/v1/auth/register", body).send().expect(201).json().get("userId").asString();

        assertThat(userId).isNotEqualTo(chosenId.toString());
        String token = api.token(email, "rahasia-sekali");
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("roles")).containsExactly("SHOPPER");
        api.post("/api/v1/admin/users", Map.of()).bearer(token).send().expect(403);
        api.post("/api/v1/auth/register",
                Map.of("email", "x" + email, "password", "rahasia-sekali", "displayName", "X", "role", "ADMIN"))
            .send()
            .expect(400);
    }

    @Test
    void aSellerCannotVerifyItselfNorChooseItsIdOrClass() {
        UUID chosenId = UUID.randomUUID();
        Map<String, Object> application = new HashMap<>(SellerFixtures.pendingKtpApplication());
        application.putAll(Map.of("status", "VERIFIED", "verified", true, "sellerId", chosenId, "id", chosenId,
                "umkmClass", "LARGE", "reasons", List.of(), "decisionId", chosenId, "userId", chosenId));
        JsonNode seller = api.post("/api/v1/sellers", application)
            .bearer(api.newAccount("SELLER"))
            .send()
            .expect(201)
            .json();

        assertThat(seller.get("status").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(seller.get("sellerId").asString()).isNotEqualTo(chosenId.toString());
        assertThat(seller.get("decisionId").asString()).isNotEqualTo(chosenId.toString());
        // from annualRevenueIdr 350,000,000
        assertThat(seller.get("umkmClass").asString()).isEqualTo("MICRO");
    }

    @Test
    void aListingIsAlwaysCreatedAsADraftOfItsCaller() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        UUID chosenId = UUID.randomUUID();
        Map<String, Object> listing = new HashMap<>(CatalogFixtures.listing("Bakul Nasi Bambu"));
        listing.putAll(Map.of("status", "PUBLISHED", "listingId", chosenId, "id", chosenId, "version", 99, "sellerId",
                UUID.randomUUID(), "decisionId", chosenId, "publishedAt", "2026-01-01T00:00:00+07:00"));
        JsonNode created = api.post("/api/v1/listings", listing).bearer(seller.token()).send().expect(201).json();

        String id = created.get("listingId").asString();
        assertThat(id).isNotEqualTo(chosenId.toString());
        assertThat(created.get("status").asString()).isEqualTo("DRAFT");
        assertThat(created.get("version").asInt()).isEqualTo(1);
        assertThat(created.path("publishedAt").asString(null)).isNull();
        api.get("/api/v1/catalog/listings/" + id).send().expect(404);
        // the caller's own
        api.get("/api/v1/listings/" + id).bearer(seller.token()).send().expect(200);

        // the stock-only update sets the stock and nothing else
        JsonNode restocked = api
            .put("/api/v1/listings/" + id + "/stock", Map.of("stock", 3, "status", "PUBLISHED", "priceIdr", 1))
            .bearer(seller.token())
            .send()
            .expect(200)
            .json();
        assertThat(restocked.get("stock").asInt()).isEqualTo(3);
        assertThat(restocked.get("status").asString()).isEqualTo("DRAFT");
        assertThat(restocked.get("priceIdr").asLong()).isEqualTo(150_000);
        api.get("/api/v1/catalog/listings/" + id).send().expect(404);
    }

    @Test
    void anOrderCannotSetItsOwnPriceStatusOrOwner() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String listing = OrderFixtures.listingWithStock(api, seller, 5, 75_000);
        String shopper = api.newAccount("SHOPPER");
        Map<String, Object> item = Map.of("listingId", listing, "quantity", 2, "unitPriceIdr", 1, "priceIdr", 1,
                "lineTotalIdr", 2, "sellerId", UUID.randomUUID());
        Map<String, Object> order = new HashMap<>(
                Map.of("items", List.of(item), "shippingAddress", OrderFixtures.ADDRESS));
        order.putAll(Map.of("totalIdr", 2, "status", "PAID", "orderId", UUID.randomUUID(), "shopperId",
                UUID.randomUUID(), "paidAt", "2026-01-01T00:00:00+07:00", "expiresAt", "2099-01-01T00:00:00+07:00"));
        JsonNode placed = OrderFixtures.place(api, shopper, order).expect(201).json();

        assertThat(placed.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(placed.get("itemsTotalIdr").asLong()).isEqualTo(150_000);
        assertThat(placed.get("totalIdr").asLong()).isEqualTo(150_000 + placed.get("shippingTotalIdr").asLong());
        assertThat(placed.get("items").get(0).get("unitPriceIdr").asLong()).isEqualTo(75_000);
        assertThat(placed.get("items").get(0).get("sellerId").asString()).isEqualTo(seller.sellerId());
        assertThat(placed.path("paidAt").asString(null)).isNull();
        api.get("/api/v1/orders/" + placed.get("orderId").asString()).bearer(shopper).send().expect(200);
    }

}

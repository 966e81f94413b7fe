package id.pasar.social;

import static id.pasar.catalog.CatalogFixtures.listing;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.onboarding.SellerFixtures;
import id.pasar.social.SocialFixtures.Creator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Affiliate plans and showcases (issue 21, item 3): a seller opens its published listing
 * to every creator at one rate; a creator shows, in its showcase and its posts, only
 * published listings open to affiliates, each with the reference a shopper carries to the
 * order; a listing taken off the shelf or closed to affiliates leaves the showcase at
 * once.
 */
@IntegrationTest
class AffiliatePlansTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aSellerOpensChangesAndClosesItsOwnPublishedListingsOnly() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        Seller other = CatalogFixtures.verifiedSeller(api);
        String listing = CatalogFixtures.publishedListing(api, seller, listing("Tampah Bambu"));
        String draft = CatalogFixtures.createDraft(api, seller, listing("Draf Rahasia"));
        String path = "/api/v1/sellers/me/affiliate-plans/";

        JsonNode plan = api.put(path + listing, Map.of("commissionPercent", 12))
            .bearer(seller.token())
            .send()
            .expect(200)
            .json();
        assertThat(plan.get("commissionPercent").asInt()).isEqualTo(12);
        assertThat(plan.get("openSince").asString()).endsWith("+07:00");
        api.put(path + listing, Map.of("commissionPercent", 15)).bearer(seller.token()).send().expect(200);
        JsonNode plans = api.get("/api/v1/sellers/me/affiliate-plans").bearer(seller.token()).send().expect(200).json();
        assertThat(plans.get("items")).hasSize(1);
        assertThat(plans.get("items").get(0).get("commissionPercent").asInt()).isEqualTo(15);

        // another seller's listing, a draft, an unknown one: not found alike
        for (String id : List.of(draft, UUID.randomUUID().toString())) {
            assertThat(code(api.put(path + id, Map.of("commissionPercent", 10)).bearer(seller.token()).send(), 404))
                .isEqualTo("LISTING_NOT_FOUND");
        }
        assertThat(code(api.put(path + listing, Map.of("commissionPercent", 10)).bearer(other.token()).send(), 404))
            .isEqualTo("LISTING_NOT_FOUND");
        // another seller cannot close it either: nothing happens
        api.delete(path + listing).bearer(other.token()).send().expect(204);
        assertThat(api.get("/api/v1/sellers/me/affiliate-plans")
            .bearer(seller.token())
            .send()
            .expect(200)
            .json()
            .get("items")).hasSize(1);

        for (Object rate : List.of(0, 31, -5, "sepuluh", 12.5)) {
            assertThat(
                    api.put(path + listing, Map.of("commissionPercent", rate)).bearer(seller.token()).send().status())
                .as("rate %s", rate)
                .isEqualTo(400);
        }
        assertThat(api.put(path + "bukan-uuid", Map.of("commissionPercent", 10)).bearer(seller.token()).send().status())
            .isEqualTo(400);
        assertThat(api.put(path + listing, Map.of("commissionPercent", 10))
            .bearer(api.newAccount("CREATOR"))
            .send()
            .status()).isEqualTo(403);

        api.delete(path + listing).bearer(seller.token()).send().expect(204);
        api.delete(path + listing).bearer(seller.token()).send().expect(204);
        assertThat(api.get("/api/v1/sellers/me/affiliate-plans")
            .bearer(seller.token())
            .send()
            .expect(200)
            .json()
            .get("items")).isEmpty();
    }

    @Test
    void aCreatorShowcasesAndTagsOnlyListingsOpenToAffiliates() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String open = SocialFixtures.affiliateOpen(api, seller,
                CatalogFixtures.publishedListing(api, seller, listing("Bakul Bambu")), 8);
        String closed = CatalogFixtures.publishedListing(api, seller, listing("Caping Bambu"));
        Creator creator = SocialFixtures.verifiedCreator(api);

        // what a creator chooses from: open listings with their rates
        List<JsonNode> offered = api.allItems("/api/v1/affiliate/listings?size=100", creator.token());
        JsonNode mine = offered.stream()
            .filter(item -> item.get("listing").get("listingId").asString().equals(open))
            .findFirst()
            .orElseThrow();
        assertThat(mine.get("commissionPercent").asInt()).isEqualTo(8);
        assertThat(offered).noneMatch(item -> item.get("listing").get("listingId").asString().equals(closed));
        assertThat(api.get("/api/v1/affiliate/listings").bearer(seller.token()).send().status()).isEqualTo(403);

        api.put("/api/v1/creators/me/showcase/" + open, Map.of()).bearer(creator.token()).send().expect(204);
        api.put("/api/v1/creators/me/showcase/" + open, Map.of()).bearer(creator.token()).send().expect(204);
        JsonNode refused = api.put("/api/v1/creators/me/showcase/" + closed, Map.of())
            .bearer(creator.token())
            .send()
            .expect(422)
            .json();
        assertThat(refused.get("code").asString()).isEqualTo("LISTING_NOT_AFFILIATE_OPEN");
        assertThat(refused.get("listingIds").toString()).contains(closed);
        assertThat(code(api.post("/api/v1/posts", Map.of("text", "Dua anyaman", "listingIds", List.of(open, closed)))
            .bearer(creator.token())
            .send(), 422)).isEqualTo("LISTING_NOT_AFFILIATE_OPEN");
        // a seller tags its own listings whether open or not, and no reference comes with
        // them
        JsonNode sellersPost = api.post("/api/v1/posts", Map.of("text", "Stok", "listingIds", List.of(closed)))
            .bearer(seller.token())
            .send()
            .expect(201)
            .json();
        assertThat(sellersPost.get("listings").get(0).get("affiliateRef").isNull()).isTrue();

        JsonNode showcase = api.get("/api/v1/creators/" + creator.handle() + "/showcase").send().expect(200).json();
        assertThat(showcase.get("items")).hasSize(1);
        assertThat(showcase.get("items").get(0).get("listingId").asString()).isEqualTo(open);
        assertThat(showcase.get("items").get(0).get("title").asString()).isEqualTo("Bakul Bambu");
        assertThat(showcase.get("items").get(0).get("affiliateRef").asString()).startsWith("r1.");
        assertThat(api.get("/api/v1/creators/tidak.ada.orangnya/showcase").send().status()).isEqualTo(404);

        // closed to affiliates, or off the shelf: gone from the showcase at once
        api.delete("/api/v1/sellers/me/affiliate-plans/" + open).bearer(seller.token()).send().expect(204);
        assertThat(api.get("/api/v1/creators/" + creator.handle() + "/showcase").send().expect(200).json().get("items"))
            .isEmpty();
        SocialFixtures.affiliateOpen(api, seller, open, 8);
        assertThat(api.get("/api/v1/creators/" + creator.handle() + "/showcase").send().expect(200).json().get("items"))
            .hasSize(1);
        api.post("/api/v1/listings/" + open + "/unpublish", Map.of()).bearer(seller.token()).send().expect(200);
        assertThat(api.get("/api/v1/creators/" + creator.handle() + "/showcase").send().expect(200).json().get("items"))
            .isEmpty();

        api.delete("/api/v1/creators/me/showcase/" + open).bearer(creator.token()).send().expect(204);
        assertThat(api.put("/api/v1/creators/me/showcase/" + open, Map.of())
            .bearer(api.newAccount("SHOPPER"))
            .send()
            .status()).isEqualTo(403);
    }

    @Test
    void aCreatorNotVerifiedHasNoShowcase() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String open = SocialFixtures.affiliateOpen(api, seller,
                CatalogFixtures.publishedListing(api, seller, listing("Tudung Saji")), 10);
        LocalDate born = SellerFixtures.someAdultBirthDate();
        Creator pending = SocialFixtures.apply(api,
                SocialFixtures.application(SocialFixtures.handle(),
                        SellerFixtures.ktp(SellerFixtures.nik(born, false), born, "MALE", "WNI"), "3204"),
                "PENDING_REVIEW");

        assertThat(code(api.put("/api/v1/creators/me/showcase/" + open, Map.of()).bearer(pending.token()).send(), 422))
            .isEqualTo("AUTHOR_NOT_VERIFIED");
        assertThat(api.get("/api/v1/creators/" + pending.handle() + "/showcase").send().status()).isEqualTo(404);
    }

    @Test
    void aShopperClicksAReferenceOnlyAsItself() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String open = SocialFixtures.affiliateOpen(api, seller,
                CatalogFixtures.publishedListing(api, seller, listing("Kipas Bambu")), 10);
        Creator creator = SocialFixtures.verifiedCreator(api);
        String post = SocialFixtures.post(api, creator.token(), Map.of("text", "Kipas", "listingIds", List.of(open)));
        String ref = api.get("/api/v1/posts/" + post)
            .send()
            .expect(200)
            .json()
            .get("listings")
            .get(0)
            .get("affiliateRef")
            .asString();

        api.post("/api/v1/affiliate-clicks", Map.of("affiliateRef", ref))
            .bearer(api.newAccount("SHOPPER"))
            .send()
            .expect(204);
        assertThat(api.post("/api/v1/affiliate-clicks", Map.of("affiliateRef", ref)).send().status()).isEqualTo(401);
        assertThat(api.post("/api/v1/affiliate-clicks", Map.of("affiliateRef", ref))
            .bearer(creator.token())
            .send()
            .status()).isEqualTo(403);
        List<Object> bad = new ArrayList<>(List.of("", "r1.AAAA.BBBB", "r2." + ref.substring(3), 42));
        for (Object value : bad) {
            assertThat(api.post("/api/v1/affiliate-clicks", Map.of("affiliateRef", value))
                .bearer(api.newAccount("SHOPPER"))
                .send()
                .status()).as("ref %s", value).isEqualTo(400);
        }
    }

    private static String code(Api.Response response, int status) {
        return response.expect(status).json().get("code").asString();
    }

}

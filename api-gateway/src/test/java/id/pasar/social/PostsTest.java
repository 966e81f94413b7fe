package id.pasar.social;

import static id.pasar.catalog.CatalogFixtures.listing;
import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.TestIdentityRegistry;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.onboarding.SellerFixtures;
import id.pasar.social.SocialFixtures.Creator;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Posts by verified sellers and creators: their own photos, published listings tagged,
 * changed by their author only, a taken-down listing gone at once, the platform-affiliate
 * label on every view.
 */
@IntegrationTest
class PostsTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aCreatorsPostShowsItsPhotosAndTaggedListings() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String sellerPhoto = SocialFixtures.photo(api, seller.token());
        String tas = CatalogFixtures.publishedListing(api, seller,
                CatalogFixtures.with(listing("Tas Rotan"), "photoIds", List.of(sellerPhoto)));
        String tikar = CatalogFixtures.publishedListing(api, seller, listing("Tikar Pandan"));
        SocialFixtures.affiliateOpen(api, seller, tas, 10);
        SocialFixtures.affiliateOpen(api, seller, tikar, 5);
        Creator creator = SocialFixtures.verifiedCreator(api);
        List<String> photos = List.of(SocialFixtures.photo(api, creator.token()),
                SocialFixtures.photo(api, creator.token()));

        JsonNode created = api
            .post("/api/v1/posts",
                    Map.of("text", "Tas rotan favorit minggu ini", "photoIds", photos, "listingIds",
                            List.of(tikar, tas)))
            .bearer(creator.token())
            .send()
            .expect(201)
            .json();
        String postId = created.get("postId").asString();

        JsonNode post = api.get("/api/v1/posts/" + postId).send().expect(200).json();
        assertThat(post.get("text").asString()).isEqualTo("Tas rotan favorit minggu ini");
        assertThat(post.get("author").get("kind").asString()).isEqualTo("CREATOR");
        assertThat(post.get("author").get("id").asString()).isEqualTo(creator.creatorId());
        assertThat(post.get("author").get("handle").asString()).isEqualTo(creator.handle());
        assertThat(ids(post.get("photos"), "mediaId")).containsExactlyElementsOf(photos);
        assertThat(post.get("photos").get(1).get("urls").get("720").asString())
            .isEqualTo("/media/" + photos.get(1) + "/720.jpg");
        assertThat(ids(post.get("listings"), "listingId")).containsExactly(tikar, tas);
        assertThat(post.get("listings").get(1).get("title").asString()).isEqualTo("Tas Rotan");
        assertThat(post.get("listings").get(1).get("photo").get("mediaId").asString()).isEqualTo(sellerPhoto);
        assertThat(post.get("listings").get(0).get("photo").isNull()).isTrue();
        // a creator's post carries the reference a shopper takes to the order
        assertThat(post.get("listings").get(0).get("affiliateRef").asString()).startsWith("r1.");
        assertThat(post.get("platformAffiliated").asBoolean()).isFalse();
        assertThat(post.get("platformAffiliationReason").isNull()).isTrue();
        assertThat(post.get("createdAt").asString()).endsWith("+07:00");

        JsonNode own = api
            .post("/api/v1/posts",
                    Map.of("text", "Stok baru", "photoIds", List.of(sellerPhoto), "listingIds", List.of(tas)))
            .bearer(seller.token())
            .send()
            .expect(201)
            .json();
        assertThat(own.get("author").get("kind").asString()).isEqualTo("SELLER");
        assertThat(own.get("author").get("id").asString()).isEqualTo(seller.sellerId());
        assertThat(own.get("author").get("name").asString()).isEqualTo("Batik Sekar Jagad");
        assertThat(own.get("listings").get(0).get("affiliateRef").isNull()).isTrue();
    }

    @Test
    void aTakenDownListingVanishesFromThePostAtOnce() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String kept = CatalogFixtures.publishedListing(api, seller, listing("Bakul Bambu"));
        String withdrawn = CatalogFixtures.publishedListing(api, seller, listing("Caping Bambu"));
        SocialFixtures.affiliateOpen(api, seller, kept, 10);
        SocialFixtures.affiliateOpen(api, seller, withdrawn, 10);
        Creator creator = SocialFixtures.verifiedCreator(api);
        String postId = SocialFixtures.post(api, creator.token(),
                Map.of("text", "Anyaman bambu", "listingIds", List.of(withdrawn, kept)));
        assertThat(ids(api.get("/api/v1/posts/" + postId).send().expect(200).json().get("listings"), "listingId"))
            .containsExactly(withdrawn, kept);

        api.post("/api/v1/listings/" + withdrawn + "/unpublish", Map.of()).bearer(seller.token()).send().expect(200);

        assertThat(ids(api.get("/api/v1/posts/" + postId).send().expect(200).json().get("listings"), "listingId"))
            .containsExactly(kept);
        // and a withdrawn listing cannot be tagged again
        assertThat(api.patch("/api/v1/posts/" + postId, Map.of("listingIds", List.of(withdrawn)))
            .bearer(creator.token())
            .send()
            .expect(422)
            .json()
            .get("code")
            .asString()).isEqualTo("LISTING_NOT_TAGGABLE");
    }

    @Test
    void onlyTheAuthorChangesOrDeletesAPost() {
        Creator author = SocialFixtures.verifiedCreator(api);
        Creator other = SocialFixtures.verifiedCreator(api);
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String postId = SocialFixtures.post(api, author.token(), Map.of("text", "Asli"));
        for (String token : List.of(other.token(), seller.token())) {
            assertThat(api.patch("/api/v1/posts/" + postId, Map.of("text", "Palsu"))
                .bearer(token)
                .send()
                .expect(404)
                .json()
                .get("code")
                .asString()).isEqualTo("POST_NOT_FOUND");
            assertThat(api.delete("/api/v1/posts/" + postId).bearer(token).send().status()).isEqualTo(404);
        }
        assertThat(api.patch("/api/v1/posts/" + postId, Map.of("text", "Palsu"))
            .bearer(api.newAccount("SHOPPER"))
            .send()
            .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/posts/" + postId).send().expect(200).json().get("text").asString())
            .isEqualTo("Asli");

        JsonNode edited = api.patch("/api/v1/posts/" + postId, Map.of("text", "Diperbarui"))
            .bearer(author.token())
            .send()
            .expect(200)
            .json();
        assertThat(edited.get("text").asString()).isEqualTo("Diperbarui");
        api.delete("/api/v1/posts/" + postId).bearer(author.token()).send().expect(204);
        assertThat(api.get("/api/v1/posts/" + postId).send().status()).isEqualTo(404);
    }

    @Test
    void badInputIsAProblemNeverAServerError() {
        Creator creator = SocialFixtures.verifiedCreator(api);
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String draft = CatalogFixtures.createDraft(api, seller, listing("Draf Rahasia"));
        String published = SocialFixtures.affiliateOpen(api, seller,
                CatalogFixtures.publishedListing(api, seller, listing("Tampah Bambu")), 10);
        String token = creator.token();

        assertThat(code(api.post("/api/v1/posts", null)
            .rawBody(HttpRequest.BodyPublishers.ofString("{\"text\": \"tanpa akhir"), "application/json")
            .bearer(token)
            .send(), 400)).isEqualTo("MALFORMED_REQUEST");
        assertThat(api.post("/api/v1/posts", Map.of("text", "x", "photoIds", "bukan daftar"))
            .bearer(token)
            .send()
            .status()).isEqualTo(400);
        assertThat(api.post("/api/v1/posts", Map.of("text", "x", "listingIds", List.of("bukan-uuid")))
            .bearer(token)
            .send()
            .status()).isEqualTo(400);
        assertThat(code(api.post("/api/v1/posts", Map.of("text", "a".repeat(2201))).bearer(token).send(), 400))
            .isEqualTo("VALIDATION_FAILED");
        api.post("/api/v1/posts", Map.of("text", "a".repeat(2200))).bearer(token).send().expect(201);
        assertThat(code(
                api.post("/api/v1/posts", new HashMap<>(Collections.singletonMap("text", null))).bearer(token).send(),
                400))
            .isEqualTo("VALIDATION_FAILED");

        List<String> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(UUID.randomUUID().toString());
        }
        assertThat(code(api.post("/api/v1/posts", Map.of("text", "x", "photoIds", ten)).bearer(token).send(), 400))
            .isEqualTo("VALIDATION_FAILED");
        List<String> eleven = new ArrayList<>(ten);
        eleven.add(published);
        assertThat(code(api.post("/api/v1/posts", Map.of("text", "x", "listingIds", eleven)).bearer(token).send(), 400))
            .isEqualTo("VALIDATION_FAILED");
        assertThat(code(api.post("/api/v1/posts", Map.of("text", "x", "listingIds", List.of(published, published)))
            .bearer(token)
            .send(), 400)).isEqualTo("VALIDATION_FAILED");

        JsonNode draftTagged = api.post("/api/v1/posts", Map.of("text", "x", "listingIds", List.of(published, draft)))
            .bearer(token)
            .send()
            .expect(422)
            .json();
        assertThat(draftTagged.get("code").asString()).isEqualTo("LISTING_NOT_TAGGABLE");
        assertThat(draftTagged.get("listingIds").toString()).contains(draft).doesNotContain(published);
        assertThat(
                code(api.post("/api/v1/posts", Map.of("text", "x", "listingIds", List.of(UUID.randomUUID().toString())))
                    .bearer(token)
                    .send(), 422))
            .isEqualTo("LISTING_NOT_TAGGABLE");
        assertThat(code(api
            .post("/api/v1/posts", Map.of("text", "x", "photoIds", List.of(SocialFixtures.photo(api, seller.token()))))
            .bearer(token)
            .send(), 422)).isEqualTo("PHOTO_NOT_OWNED");

        LocalDate born = SellerFixtures.someAdultBirthDate();
        Creator pending = SocialFixtures.apply(api,
                SocialFixtures.application(SocialFixtures.handle(),
                        SellerFixtures.ktp(SellerFixtures.nik(born, false), born, "MALE", "WNI"), "3204"),
                "PENDING_REVIEW");
        assertThat(code(api.post("/api/v1/posts", Map.of("text", "x")).bearer(pending.token()).send(), 422))
            .isEqualTo("AUTHOR_NOT_VERIFIED");
        assertThat(code(api.post("/api/v1/posts", Map.of("text", "x")).bearer(api.newAccount("CREATOR")).send(), 422))
            .isEqualTo("AUTHOR_NOT_VERIFIED");
        assertThat(api.post("/api/v1/posts", Map.of("text", "x")).bearer(api.newAccount("SHOPPER")).send().status())
            .isEqualTo(403);
        assertThat(code(api.get("/api/v1/posts/" + UUID.randomUUID()).send(), 404)).isEqualTo("POST_NOT_FOUND");
        assertThat(api.get("/api/v1/posts/bukan-uuid").send().status()).isEqualTo(400);
    }

    /**
     * A creator's business put on the platform-affiliate list: disclosed on every post.
     */
    @Test
    void aPlatformAffiliatedCreatorsPostsCarryTheLabel() {
        String nib = SellerFixtures.nib();
        String npwp = SellerFixtures.npwp();
        TestIdentityRegistry.confirm(nib);
        Creator creator = SocialFixtures.apply(api, SocialFixtures.application(SocialFixtures.handle(),
                SellerFixtures.entity(nib, npwp, "ID", "PT"), "3171"), "VERIFIED");
        String postId = SocialFixtures.post(api, creator.token(), Map.of("text", "Ulasan jujur"));
        assertThat(api.get("/api/v1/posts/" + postId).send().expect(200).json().get("platformAffiliated").asBoolean())
            .isFalse();

        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("nib", nib);
        entry.put("legalName", "PT Afiliasi Platform");
        api.post("/api/v1/admin/platform-affiliates", entry).bearer(api.adminToken()).send().expect(201);

        JsonNode post = api.get("/api/v1/posts/" + postId).send().expect(200).json();
        assertThat(post.get("platformAffiliated").asBoolean()).isTrue();
        assertThat(post.get("platformAffiliationReason").asString()).isEqualTo("PLATFORM_AFFILIATE");
        JsonNode profile = api.get("/api/v1/creators/" + creator.handle()).send().expect(200).json();
        assertThat(profile.get("platformAffiliated").asBoolean()).isTrue();
        assertThat(profile.get("platformAffiliationReason").asString()).isEqualTo("PLATFORM_AFFILIATE");
    }

    /** 30 new posts an hour per account (the default); the 31st waits. */
    @Test
    void postsAreLimitedPerAccount() {
        Creator creator = SocialFixtures.verifiedCreator(api);
        for (int i = 0; i < 30; i++) {
            SocialFixtures.post(api, creator.token(), Map.of("text", "Post " + i));
        }
        Api.Response refused = api.post("/api/v1/posts", Map.of("text", "Satu lagi")).bearer(creator.token()).send();
        assertThat(code(refused, 429)).isEqualTo("TOO_MANY_POSTS");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        // another account is not held back, and editing is not posting
        SocialFixtures.post(api, SocialFixtures.verifiedCreator(api).token(), Map.of("text", "Saya boleh"));
    }

    private static String code(Api.Response response, int status) {
        return response.expect(status).json().get("code").asString();
    }

    static List<String> ids(JsonNode items, String field) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get(field).asString()));
        return ids;
    }

}

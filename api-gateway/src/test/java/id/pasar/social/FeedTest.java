package id.pasar.social;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.onboarding.SellerFixtures;
import id.pasar.social.SocialFixtures.Creator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Shoppers follow verified sellers and creators and read their posts, newest first. */
@IntegrationTest
class FeedTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aShopperFollowsReadsTheFeedInPagesAndUnfollows() {
        Seller seller = CatalogFixtures.verifiedSeller(api);
        Creator creator = SocialFixtures.verifiedCreator(api);
        Creator stranger = SocialFixtures.verifiedCreator(api);
        String shopper = api.newAccount("SHOPPER");
        api.put("/api/v1/follows/sellers/" + seller.sellerId(), null).bearer(shopper).send().expect(204);
        api.put("/api/v1/follows/creators/" + creator.creatorId(), null).bearer(shopper).send().expect(204);
        api.put("/api/v1/follows/creators/" + creator.creatorId(), null).bearer(shopper).send().expect(204);
        assertThat(
                api.get("/api/v1/creators/" + creator.handle()).send().expect(200).json().get("followerCount").asLong())
            .isEqualTo(1);

        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            posted.add(SocialFixtures.post(api, seller.token(), Map.of("text", "Penjual " + i)));
            posted.add(SocialFixtures.post(api, creator.token(), Map.of("text", "Kreator " + i)));
            SocialFixtures.post(api, stranger.token(), Map.of("text", "Tidak diikuti " + i));
        }
        Collections.reverse(posted);

        List<String> read = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/api/v1/feed?size=4" + (cursor == null ? "" : "&cursor=" + cursor))
                .bearer(shopper)
                .send()
                .expect(200)
                .json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(4);
            page.get("items").forEach(item -> read.add(item.get("postId").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        }
        while (cursor != null);
        assertThat(read).containsExactlyElementsOf(posted);
        assertThat(pages).isEqualTo(2);
        JsonNode first = api.get("/api/v1/feed?size=1").bearer(shopper).send().expect(200).json();
        assertThat(first.get("items").get(0).get("author").get("kind").asString()).isEqualTo("CREATOR");
        assertThat(first.get("items").get(0).get("text").asString()).isEqualTo("Kreator 2");

        api.delete("/api/v1/follows/creators/" + creator.creatorId()).bearer(shopper).send().expect(204);
        api.delete("/api/v1/follows/creators/" + creator.creatorId()).bearer(shopper).send().expect(204);
        String after = SocialFixtures.post(api, creator.token(), Map.of("text", "Setelah berhenti mengikuti"));
        List<String> now = new ArrayList<>();
        api.get("/api/v1/feed?size=100")
            .bearer(shopper)
            .send()
            .expect(200)
            .json()
            .get("items")
            .forEach(item -> now.add(item.get("postId").asString()));
        assertThat(now).doesNotContain(after).hasSize(3);
        assertThat(api.get("/api/v1/feed").bearer(api.newAccount("SHOPPER")).send().expect(200).json().get("items"))
            .isEmpty();
        assertThat(
                api.get("/api/v1/creators/" + creator.handle()).send().expect(200).json().get("followerCount").asLong())
            .isZero();
    }

    @Test
    void onlyShoppersFollowAndOnlyVerifiedAuthors() {
        String shopper = api.newAccount("SHOPPER");
        Seller seller = CatalogFixtures.verifiedSeller(api);
        Creator creator = SocialFixtures.verifiedCreator(api);
        LocalDate born = SellerFixtures.someAdultBirthDate();
        Creator pending = SocialFixtures.apply(api,
                SocialFixtures.application(SocialFixtures.handle(),
                        SellerFixtures.ktp(SellerFixtures.nik(born, false), born, "MALE", "WNI"), "3204"),
                "PENDING_REVIEW");
        Seller pendingSeller = CatalogFixtures.pendingSeller(api);

        for (String path : List.of("/api/v1/follows/creators/" + pending.creatorId(),
                "/api/v1/follows/sellers/" + pendingSeller.sellerId(), "/api/v1/follows/creators/" + UUID.randomUUID(),
                "/api/v1/follows/sellers/" + creator.creatorId(), "/api/v1/follows/creators/" + seller.sellerId(),
                "/api/v1/follows/shops/" + seller.sellerId())) {
            assertThat(api.put(path, null).bearer(shopper).send().expect(404).json().get("code").asString()).as(path)
                .isEqualTo("FOLLOWEE_NOT_FOUND");
        }
        assertThat(api.put("/api/v1/follows/sellers/bukan-uuid", null).bearer(shopper).send().status()).isEqualTo(400);
        // a seller or a creator cannot follow, so it cannot follow itself
        assertThat(api.put("/api/v1/follows/sellers/" + seller.sellerId(), null).bearer(seller.token()).send().status())
            .isEqualTo(403);
        assertThat(api.put("/api/v1/follows/creators/" + creator.creatorId(), null)
            .bearer(creator.token())
            .send()
            .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/feed").bearer(creator.token()).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/feed").send().status()).isEqualTo(401);
        assertThat(
                api.get("/api/v1/feed?cursor=rusak").bearer(shopper).send().expect(400).json().get("code").asString())
            .isEqualTo("INVALID_CURSOR");
    }

}

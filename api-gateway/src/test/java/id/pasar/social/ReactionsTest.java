package id.pasar.social;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.catalog.CatalogFixtures;
import id.pasar.catalog.CatalogFixtures.Seller;
import id.pasar.social.SocialFixtures.Creator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Likes (idempotent) and comments (their author deletes, an officer hides). */
@IntegrationTest
class ReactionsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aLikeCountsOncePerAccount() {
        Creator creator = SocialFixtures.verifiedCreator(api);
        Seller seller = CatalogFixtures.verifiedSeller(api);
        String shopper = api.newAccount("SHOPPER");
        String postId = SocialFixtures.post(api, creator.token(), Map.of("text", "Suka?"));
        api.put("/api/v1/posts/" + postId + "/like", null).bearer(shopper).send().expect(204);
        api.put("/api/v1/posts/" + postId + "/like", null).bearer(shopper).send().expect(204);
        assertThat(likes(postId)).isEqualTo(1);
        api.put("/api/v1/posts/" + postId + "/like", null).bearer(seller.token()).send().expect(204);
        assertThat(likes(postId)).isEqualTo(2);
        api.delete("/api/v1/posts/" + postId + "/like").bearer(shopper).send().expect(204);
        api.delete("/api/v1/posts/" + postId + "/like").bearer(shopper).send().expect(204);
        assertThat(likes(postId)).isEqualTo(1);
        assertThat(api.put("/api/v1/posts/" + UUID.randomUUID() + "/like", null)
            .bearer(shopper)
            .send()
            .expect(404)
            .json()
            .get("code")
            .asString()).isEqualTo("POST_NOT_FOUND");
        assertThat(api.put("/api/v1/posts/" + postId + "/like", null).send().status()).isEqualTo(401);
    }

    @Test
    void commentsAreDeletedByTheirAuthorAndHiddenByAnOfficer() {
        Creator creator = SocialFixtures.verifiedCreator(api);
        String shopper = api.newAccount("SHOPPER");
        String postId = SocialFixtures.post(api, creator.token(), Map.of("text", "Pendapat?"));

        JsonNode first = api.post("/api/v1/posts/" + postId + "/comments", Map.of("text", "Cantik sekali"))
            .bearer(shopper)
            .send()
            .expect(201)
            .json();
        assertThat(first.get("authorKind").asString()).isEqualTo("SHOPPER");
        assertThat(first.get("authorName").isNull()).isTrue();
        JsonNode second = api.post("/api/v1/posts/" + postId + "/comments", Map.of("text", "Terima kasih"))
            .bearer(creator.token())
            .send()
            .expect(201)
            .json();
        assertThat(second.get("authorName").asString()).isEqualTo("Kriya Nusantara");
        String spam = comment(postId, shopper, "Beli di tempat lain lebih murah");
        assertThat(comments(postId)).containsExactly(first.get("commentId").asString(),
                second.get("commentId").asString(), spam);
        assertThat(commentCount(postId)).isEqualTo(3);

        for (String bad : List.of("", "   ", "a".repeat(501))) {
            assertThat(api.post("/api/v1/posts/" + postId + "/comments", Map.of("text", bad))
                .bearer(shopper)
                .send()
                .status()).isEqualTo(400);
        }
        api.post("/api/v1/posts/" + postId + "/comments", Map.of("text", "a".repeat(500)))
            .bearer(api.newAccount("SHOPPER"))
            .send()
            .expect(201);

        // another account cannot delete it; its author can
        String firstId = first.get("commentId").asString();
        assertThat(api.delete("/api/v1/comments/" + firstId)
            .bearer(creator.token())
            .send()
            .expect(404)
            .json()
            .get("code")
            .asString()).isEqualTo("COMMENT_NOT_FOUND");
        api.delete("/api/v1/comments/" + firstId).bearer(shopper).send().expect(204);
        assertThat(comments(postId)).doesNotContain(firstId).contains(spam);

        // an officer hides one with a reason
        String officer = api.newStaffAccount("COMPLIANCE_OFFICER");
        assertThat(api.post("/api/v1/compliance/comments/" + spam + "/hide", Map.of("reason", " "))
            .bearer(officer)
            .send()
            .status()).isEqualTo(400);
        assertThat(api.post("/api/v1/compliance/comments/" + spam + "/hide", Map.of("reason", "spam"))
            .bearer(shopper)
            .send()
            .status()).isEqualTo(403);
        api.post("/api/v1/compliance/comments/" + spam + "/hide", Map.of("reason", "Mengarahkan ke toko lain"))
            .bearer(officer)
            .send()
            .expect(204);
        api.post("/api/v1/compliance/comments/" + spam + "/hide", Map.of("reason", "lagi"))
            .bearer(officer)
            .send()
            .expect(204);
        assertThat(comments(postId)).doesNotContain(spam).hasSize(2);
        assertThat(commentCount(postId)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT hidden_reason FROM social.comments WHERE id = :id")
            .param("id", UUID.fromString(spam))
            .query(String.class)
            .single()).isEqualTo("Mengarahkan ke toko lain");
        assertThat(api.post("/api/v1/compliance/comments/" + UUID.randomUUID() + "/hide", Map.of("reason", "x"))
            .bearer(officer)
            .send()
            .status()).isEqualTo(404);
    }

    @Test
    void commentsComeInPages() {
        Creator creator = SocialFixtures.verifiedCreator(api);
        String postId = SocialFixtures.post(api, creator.token(), Map.of("text", "Banyak komentar"));
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(comment(postId, api.newAccount("SHOPPER"), "Komentar " + i));
        }
        List<String> read = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api
                .get("/api/v1/posts/" + postId + "/comments?size=2" + (cursor == null ? "" : "&cursor=" + cursor))
                .send()
                .expect(200)
                .json();
            page.get("items").forEach(item -> read.add(item.get("commentId").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        }
        while (cursor != null);
        assertThat(read).containsExactlyElementsOf(written);
        assertThat(api.get("/api/v1/posts/" + postId + "/comments?size=101").send().status()).isEqualTo(400);
    }

    private String comment(String postId, String token, String text) {
        return api.post("/api/v1/posts/" + postId + "/comments", Map.of("text", text))
            .bearer(token)
            .send()
            .expect(201)
            .json()
            .get("commentId")
            .asString();
    }

    private List<String> comments(String postId) {
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/posts/" + postId + "/comments?size=100")
            .send()
            .expect(200)
            .json()
            .get("items")
            .forEach(item -> ids.add(item.get("commentId").asString()));
        return ids;
    }

    private int likes(String postId) {
        return api.get("/api/v1/posts/" + postId).send().expect(200).json().get("likeCount").asInt();
    }

    private int commentCount(String postId) {
        return api.get("/api/v1/posts/" + postId).send().expect(200).json().get("commentCount").asInt();
    }

}

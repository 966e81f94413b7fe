package id.pasar.social;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.social.SocialFixtures.Creator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Discover ranks posts by the published formula: recency and engagement only. */
@IntegrationTest
class DiscoverTest {

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
    void theFormulaIsPublishedAndNamesNothingAboutTheAuthor() {
        JsonNode formula = api.get("/api/v1/discover/ranking").send().expect(200).json();
        assertThat(formula.get("version").asString()).isEqualTo("2026-12-07.2");
        assertThat(formula.get("windowDays").asInt()).isEqualTo(7);
        List<String> terms = new ArrayList<>();
        formula.get("terms").forEach(term -> terms.add(term.get("name").asString()));
        assertThat(terms).containsExactly("likes", "comments", "ageHours");
        assertThat(formula.get("score").asString()).doesNotContainIgnoringCase("follower")
            .doesNotContainIgnoringCase("seller")
            .doesNotContainIgnoringCase("affiliat")
            .doesNotContainIgnoringCase("fee");
    }

    @Test
    void engagementAndRecencyRankPostsAndPagesWalkTheSameRanking() {
        Creator creator = SocialFixtures.verifiedCreator(api);
        String quiet = SocialFixtures.post(api, creator.token(), Map.of("text", "Sepi"));
        String liked = SocialFixtures.post(api, creator.token(), Map.of("text", "Ramai"));
        String older = SocialFixtures.post(api, creator.token(), Map.of("text", "Tiga hari lalu"));
        String tooOld = SocialFixtures.post(api, creator.token(), Map.of("text", "Delapan hari lalu"));
        for (int i = 0; i < 2; i++) {
            api.put("/api/v1/posts/" + liked + "/like", null).bearer(api.newAccount("SHOPPER")).send().expect(204);
        }
        for (int i = 0; i < 5; i++) {
            api.put("/api/v1/posts/" + older + "/like", null).bearer(api.newAccount("SHOPPER")).send().expect(204);
        }
        age(older, "3 days");
        age(tooOld, "8 days");
        // quiet: 1 / 2^1.5 = 0.35; liked: 3 / 2^1.5 = 1.06; older: 6 / 74^1.5 = 0.009
        List<String> ranked = walk(100);
        assertThat(ranked).doesNotContain(tooOld);
        assertThat(List.of(ranked.indexOf(liked), ranked.indexOf(quiet), ranked.indexOf(older))).doesNotContain(-1)
            .isSorted();

        List<String> paged = walk(2);
        assertThat(new HashSet<>(paged)).hasSize(paged.size());
        assertThat(List.of(paged.indexOf(liked), paged.indexOf(quiet), paged.indexOf(older))).doesNotContain(-1)
            .isSorted();
        assertThat(api.get("/api/v1/discover?cursor=rusak").send().expect(400).json().get("code").asString())
            .isEqualTo("INVALID_CURSOR");
    }

    private void age(String postId, String by) {
        jdbc.sql("UPDATE social.posts SET created_at = created_at - CAST(:by AS interval) WHERE id = :id")
            .param("by", by)
            .param("id", UUID.fromString(postId))
            .update();
    }

    private List<String> walk(int size) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/discover?size=" + size + (cursor == null ? "" : "&cursor=" + cursor))
                .send()
                .expect(200)
                .json();
            page.get("items").forEach(item -> ids.add(item.get("postId").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        }
        while (cursor != null);
        return ids;
    }

}

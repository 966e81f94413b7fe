package id.pasar.social;

import static org.assertj.core.api.Assertions.assertThat;

import id.pasar.Api;
import id.pasar.IntegrationTest;
import id.pasar.social.SocialFixtures.Creator;
import id.pasar.social.internal.FollowGraph;
import id.pasar.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feed's plan: each followed author's posts are read from {@code posts_by_author}
 * starting at the cursor, so a deep page reads no more index entries than the first.
 */
@IntegrationTest
class FeedPlanTest {

    private static final int POSTS = 3_000;

    private static final int PAGE = 21;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeepPageReadsNoMoreThanTheFirst() throws Exception {
        Api api = new Api(port);
        Creator creator = SocialFixtures.verifiedCreator(api);
        Creator other = SocialFixtures.verifiedCreator(api);
        String shopper = api.newAccount("SHOPPER");
        for (Creator followed : List.of(creator, other)) {
            SocialFixtures.post(api, followed.token(), Map.of("text", "Halo"));
            api.put("/api/v1/follows/creators/" + followed.creatorId(), null).bearer(shopper).send().expect(204);
        }
        for (Creator author : List.of(creator, other)) {
            jdbc.sql("""
                    INSERT INTO social.posts (id, author_kind, author_id, account_id, author_name, body, created_at,
                        updated_at)
                    SELECT gen_random_uuid(), 'CREATOR', p.author_id, p.account_id, p.author_name, 'Lama ' || g,
                           p.created_at - g * interval '1 minute', p.created_at - g * interval '1 minute'
                    FROM social.posts p, generate_series(1, :n) g WHERE p.author_id = :author""")
                .param("n", POSTS)
                .param("author", UUID.fromString(author.creatorId()))
                .update();
        }
        UUID follower = jdbc.sql("SELECT follower_id FROM social.follows WHERE followee_id = :creator")
            .param("creator", UUID.fromString(creator.creatorId()))
            .query(UUID.class)
            .single();
        Map<String, Object> deep = jdbc.sql("""
                SELECT created_at, id FROM social.posts WHERE author_id = :author
                ORDER BY created_at DESC, id DESC OFFSET 2500 LIMIT 1""")
            .param("author", UUID.fromString(creator.creatorId()))
            .query()
            .singleRow();

        try (Connection connection = TestDatabase.instance().connect();
                Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE social.posts");
            String first = FollowGraph.feedQuery(false)
                .replace(":follower", "'" + follower + "'::uuid")
                .replace(":limit", Integer.toString(PAGE));
            String after = FollowGraph.feedQuery(true)
                .replace(":follower", "'" + follower + "'::uuid")
                .replace(":limit", Integer.toString(PAGE))
                .replace(":at", "'" + ((Timestamp) deep.get("created_at")).toInstant() + "'::timestamptz")
                .replace(":id", "'" + deep.get("id") + "'::uuid");
            for (String query : List.of(first, after)) {
                JsonNode plan = explain(statement, query);
                List<JsonNode> scans = new ArrayList<>();
                collect(plan, scans);
                assertThat(scans).as(plan.toString())
                    .isNotEmpty()
                    .allSatisfy(scan -> assertThat(scan.get("Actual Rows").asDouble()).isLessThanOrEqualTo(PAGE));
                // the walk into the feed has rows to show there: the cursor is 2,500
                // posts deep, not past the end
                assertThat(plan.get("Actual Rows").asDouble()).isEqualTo(PAGE);
            }
        }
    }

    private static JsonNode explain(Statement statement, String query) throws Exception {
        try (ResultSet result = statement.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + query)) {
            result.next();
            return JsonMapper.builder().build().readTree(result.getString(1)).get(0).get("Plan");
        }
    }

    /** Every scan of posts_by_author in the plan. */
    private static void collect(JsonNode node, List<JsonNode> scans) {
        if (node.has("Index Name") && node.get("Index Name").asString().equals("posts_by_author")) {
            scans.add(node);
        }
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> collect(child, scans));
        }
    }

}

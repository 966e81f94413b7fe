package id.pasar.social.internal;

import id.pasar.onboarding.Sellers;
import id.pasar.onboarding.Sellers.SellerSummary;
import id.pasar.social.internal.PostBoard.Post;
import id.pasar.social.internal.PostBoard.Row;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Shoppers' follows of sellers and creators, and the feed they make. */
@Service
public class FollowGraph {

    /**
     * The feed: each followed author's posts from the cursor on, newest first, at most a
     * page of them, read from {@code posts_by_author} as a range scan (ADR 0027); then
     * the newest page of them all. A deep page costs what the first does: nothing before
     * the cursor is read. A revoked creator's posts are left out (its follows stay): the
     * follow is passed over before its posts are read. The creator's handle is joined to
     * the page only: joined to every author's posts, the planner read all creators once
     * per followed author on the first page (docs/performance.md, "The feed at 1,000,000
     * posts").
     */
    private static final String FEED = """
            SELECT p.*, c.handle, coalesce(c.platform_affiliated, false) AS platform_affiliated
            FROM (
                SELECT p.* FROM social.follows f
                CROSS JOIN LATERAL (
                    SELECT * FROM social.posts p
                    WHERE p.author_id = f.followee_id %s
                    ORDER BY p.created_at DESC, p.id DESC
                    LIMIT :limit) p
                WHERE f.follower_id = :follower
                  AND NOT EXISTS (SELECT 1 FROM social.creators r WHERE r.id = f.followee_id AND r.status = 'REVOKED')
                ORDER BY p.created_at DESC, p.id DESC
                LIMIT :limit) p
            LEFT JOIN social.creators c ON c.id = p.author_id
            ORDER BY p.created_at DESC, p.id DESC""";

    /**
     * After the cursor, as one row comparison: an index condition on
     * {@code posts_by_author} whose range starts at the cursor (an OR of two conditions
     * left the planner a bitmap scan of everything older, then a sort).
     */
    private static final String AFTER = "AND (p.created_at, p.id) < (:at, :id)";

    private final JdbcClient jdbc;

    private final Sellers sellers;

    private final CreatorRegistry creators;

    private final PostBoard posts;

    private final Clock clock;

    FollowGraph(JdbcClient jdbc, Sellers sellers, CreatorRegistry creators, PostBoard posts, Clock clock) {
        this.jdbc = jdbc;
        this.sellers = sellers;
        this.creators = creators;
        this.posts = posts;
        this.clock = clock;
    }

    public enum Kind {

        SELLER, CREATOR

    }

    /**
     * The feed's SQL, with named parameters {@code :follower}, {@code :limit} and, after
     * a cursor, {@code :at} and {@code :id}: for a test of its plan.
     */
    public static String feedQuery(boolean afterCursor) {
        return FEED.formatted(afterCursor ? AFTER : "");
    }

    /**
     * Follows a VERIFIED seller or creator; following again changes nothing. 404
     * FOLLOWEE_NOT_FOUND for anyone else.
     */
    @Transactional
    public void follow(UUID follower, Kind kind, UUID followee) {
        boolean verified = kind == Kind.SELLER ? sellers.byId(followee).filter(SellerSummary::verified).isPresent()
                : creators.verifiedById(followee).isPresent();
        if (!verified) {
            throw new SocialProblems.FolloweeNotFound();
        }
        jdbc.sql("""
                INSERT INTO social.follows (follower_id, followee_kind, followee_id, created_at)
                VALUES (:follower, :kind, :followee, :now) ON CONFLICT DO NOTHING""")
            .param("follower", follower)
            .param("kind", kind.name())
            .param("followee", followee)
            .param("now", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
            .update();
    }

    /** Unfollowing one not followed changes nothing. */
    @Transactional
    public void unfollow(UUID follower, Kind kind, UUID followee) {
        jdbc.sql("DELETE FROM social.follows WHERE follower_id = :follower AND followee_id = :followee "
                + "AND followee_kind = :kind")
            .param("follower", follower)
            .param("followee", followee)
            .param("kind", kind.name())
            .update();
    }

    /**
     * Posts of the authors {@code follower} follows, newest first, after the post
     * ({@code afterCreated}, {@code afterId}) when given.
     * @param limit the rows to read (a page and one more)
     */
    @Transactional(readOnly = true)
    public List<Post> feed(UUID follower, Instant afterCreated, UUID afterId, int limit) {
        JdbcClient.StatementSpec statement = jdbc.sql(feedQuery(afterCreated != null))
            .param("follower", follower)
            .param("limit", limit);
        if (afterCreated != null) {
            statement = statement.param("at", Timestamp.from(afterCreated)).param("id", afterId);
        }
        List<Row> rows = statement.query(PostBoard::row).list();
        return posts.shown(rows);
    }

}

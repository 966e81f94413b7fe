package id.pasar.social.internal;

import id.pasar.onboarding.Sellers;
import id.pasar.onboarding.Sellers.SellerSummary;
import id.pasar.social.internal.CreatorRegistry.Creator;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.extern.slf4j.Slf4j;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Likes and comments on posts. Each keeps its post's count in the same transaction, so a
 * post's view and discover's engagement read one row.
 */
@Slf4j
@Service
public class Reactions {

    private final JdbcClient jdbc;

    private final CreatorRegistry creators;

    private final Sellers sellers;

    private final Clock clock;

    Reactions(JdbcClient jdbc, CreatorRegistry creators, Sellers sellers, Clock clock) {
        this.jdbc = jdbc;
        this.creators = creators;
        this.sellers = sellers;
        this.clock = clock;
    }

    /**
     * @param authorName a verified seller's shop or creator's name; null for a shopper
     */
    public record Comment(UUID commentId, UUID postId, String authorKind, String authorName, String text,
            Instant createdAt) {
    }

    /** Likes the post; a like again changes nothing. */
    @Transactional
    public void like(UUID accountId, UUID postId) {
        requirePost(postId);
        int added = jdbc.sql("""
                INSERT INTO social.likes (post_id, account_id, created_at) VALUES (:post, :account, :now)
                ON CONFLICT DO NOTHING""")
            .param("post", postId)
            .param("account", accountId)
            .param("now", now())
            .update();
        if (added == 1) {
            jdbc.sql("UPDATE social.posts SET like_count = like_count + 1 WHERE id = :post")
                .param("post", postId)
                .update();
        }
    }

    /** Takes the like back; none to take changes nothing. */
    @Transactional
    public void unlike(UUID accountId, UUID postId) {
        requirePost(postId);
        int removed = jdbc.sql("DELETE FROM social.likes WHERE post_id = :post AND account_id = :account")
            .param("post", postId)
            .param("account", accountId)
            .update();
        if (removed == 1) {
            jdbc.sql("UPDATE social.posts SET like_count = like_count - 1 WHERE id = :post")
                .param("post", postId)
                .update();
        }
    }

    @Transactional
    public Comment comment(UUID accountId, UUID postId, String text) {
        requirePost(postId);
        String kind = "SHOPPER";
        String name = null;
        Optional<Creator> creator = creators.byAccount(accountId);
        Optional<SellerSummary> seller = creator.isPresent() ? Optional.empty() : sellers.ofUser(accountId);
        if (creator.isPresent()) {
            kind = "CREATOR";
            name = creator.get().verified() ? creator.get().displayName() : null;
        }
        else if (seller.isPresent()) {
            kind = "SELLER";
            name = seller.get().verified() ? seller.get().shopName() : null;
        }
        UUID id = UUID.randomUUID();
        Timestamp now = now();
        jdbc.sql("""
                INSERT INTO social.comments (id, post_id, account_id, author_kind, author_name, body, created_at)
                VALUES (:id, :post, :account, :kind, :name, :body, :now)""")
            .param("id", id)
            .param("post", postId)
            .param("account", accountId)
            .param("kind", kind)
            .param("name", name)
            .param("body", text)
            .param("now", now)
            .update();
        jdbc.sql("UPDATE social.posts SET comment_count = comment_count + 1 WHERE id = :post")
            .param("post", postId)
            .update();
        return new Comment(id, postId, kind, name, text, now.toInstant());
    }

    /** The author deletes its own comment; another's is 404, as a missing one. */
    @Transactional
    public void deleteComment(UUID accountId, UUID commentId) {
        List<Boolean> deleted = jdbc.sql("""
                DELETE FROM social.comments WHERE id = :id AND account_id = :account
                RETURNING hidden_at IS NOT NULL AS hidden, post_id""")
            .param("id", commentId)
            .param("account", accountId)
            .query((rs, row) -> {
                if (!rs.getBoolean("hidden")) {
                    jdbc.sql("UPDATE social.posts SET comment_count = comment_count - 1 WHERE id = :post")
                        .param("post", rs.getObject("post_id", UUID.class))
                        .update();
                }
                return true;
            })
            .list();
        if (deleted.isEmpty()) {
            throw new SocialProblems.CommentNotFound();
        }
    }

    /**
     * A compliance officer hides a comment with a reason: no longer shown nor counted;
     * the row keeps who hid it, when and why.
     */
    @Transactional
    public void hide(UUID officer, UUID commentId, String reason) {
        UUID postId = jdbc.sql("""
                UPDATE social.comments SET hidden_at = :now, hidden_by = :officer, hidden_reason = :reason
                WHERE id = :id AND hidden_at IS NULL RETURNING post_id""")
            .param("now", now())
            .param("officer", officer)
            .param("reason", reason)
            .param("id", commentId)
            .query(UUID.class)
            .optional()
            .orElse(null);
        if (postId == null) {
            boolean exists = jdbc.sql("SELECT EXISTS (SELECT 1 FROM social.comments WHERE id = :id)")
                .param("id", commentId)
                .query(Boolean.class)
                .single();
            if (!exists) {
                throw new SocialProblems.CommentNotFound();
            }
            return;
        }
        jdbc.sql("UPDATE social.posts SET comment_count = comment_count - 1 WHERE id = :post")
            .param("post", postId)
            .update();
        log.info("Officer {} hid comment {}", officer, commentId);
    }

    /**
     * A post's shown comments, oldest first, after ({@code afterCreated},
     * {@code afterId}).
     */
    @Transactional(readOnly = true)
    public List<Comment> comments(UUID postId, Instant afterCreated, UUID afterId, int limit) {
        requirePost(postId);
        return jdbc.sql("""
                SELECT * FROM social.comments
                WHERE post_id = :post AND hidden_at IS NULL AND (created_at, id) > (:at, :id)
                ORDER BY created_at, id LIMIT :limit""")
            .param("post", postId)
            .param("at", Timestamp.from(afterCreated != null ? afterCreated : Instant.EPOCH))
            .param("id", afterId != null ? afterId : new UUID(0, 0))
            .param("limit", limit)
            .query((rs, row) -> new Comment(rs.getObject("id", UUID.class), rs.getObject("post_id", UUID.class),
                    rs.getString("author_kind"), rs.getString("author_name"), rs.getString("body"),
                    rs.getTimestamp("created_at").toInstant()))
            .list();
    }

    /** A post that is shown (not a revoked creator's), else 404 POST_NOT_FOUND. */
    private void requirePost(UUID postId) {
        boolean exists = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM social.posts p LEFT JOIN social.creators c ON c.id = p.author_id
                               WHERE p.id = :id AND c.status IS DISTINCT FROM 'REVOKED')""")
            .param("id", postId)
            .query(Boolean.class)
            .single();
        if (!exists) {
            throw new SocialProblems.PostNotFound();
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

}

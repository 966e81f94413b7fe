package id.pasar.social.internal;

import id.pasar.catalog.PublishedListings;
import id.pasar.catalog.PublishedListings.Shelved;
import id.pasar.media.MediaOwnership;
import id.pasar.onboarding.Sellers;
import id.pasar.onboarding.Sellers.SellerSummary;
import id.pasar.social.internal.CreatorRegistry.Creator;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.extern.slf4j.Slf4j;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts by verified sellers and creators: the author's own photos, published listings
 * tagged. A read shows only the tagged listings published at that moment, through the
 * catalog, so that a take-down removes a listing from every post at once.
 */
@Slf4j
@Service
public class PostBoard {

    private final JdbcClient jdbc;

    private final CreatorRegistry creators;

    private final Sellers sellers;

    private final MediaOwnership media;

    private final PublishedListings listings;

    private final AffiliateProgram affiliates;

    private final Clock clock;

    PostBoard(JdbcClient jdbc, CreatorRegistry creators, Sellers sellers, MediaOwnership media,
            PublishedListings listings, AffiliateProgram affiliates, Clock clock) {
        this.jdbc = jdbc;
        this.creators = creators;
        this.sellers = sellers;
        this.media = media;
        this.listings = listings;
        this.affiliates = affiliates;
        this.clock = clock;
    }

    /** What an author writes; null fields of an edit are kept as they are. */
    public record Content(String text, List<UUID> photoIds, List<UUID> listingIds) {
    }

    /**
     * @param handle the creator's handle, null for a seller
     */
    public record Author(String kind, UUID id, String name, String handle) {
    }

    /**
     * A tagged listing as shown.
     *
     * @param affiliateRef the reference a shopper carries to the order: only in a
     * creator's post, of a listing open to affiliates now; else null
     */
    public record Tagged(Shelved listing, String affiliateRef) {
    }

    /**
     * A post as shown: {@code listings} only those published now, in the author's order.
     *
     * @param platformAffiliated the author is on the platform-affiliate list
     */
    public record Post(UUID postId, Author author, String text, List<UUID> photoIds, List<Tagged> listings,
            boolean platformAffiliated, int likeCount, int commentCount, Instant createdAt, Instant updatedAt) {
    }

    /** A post as stored, before its tagged listings are looked up. */
    record Row(UUID postId, Author author, UUID accountId, String text, List<UUID> photoIds, List<UUID> listingIds,
            boolean platformAffiliated, int likeCount, int commentCount, Instant createdAt, Instant updatedAt) {
    }

    static final String SELECT = """
            SELECT p.*, c.handle, coalesce(c.platform_affiliated, false) AS platform_affiliated
            FROM social.posts p LEFT JOIN social.creators c ON c.id = p.author_id""";

    /**
     * A post is shown unless its author is a REVOKED creator: a condition on {@code c},
     * the author's creator row in {@link #SELECT} (null for a seller). The feed's,
     * discover's and reactions' queries say the same.
     */
    static final String AUTHOR_SHOWN = "c.status IS DISTINCT FROM 'REVOKED'";

    @Transactional
    public Post publish(UUID accountId, Content content) {
        Author author = author(accountId);
        check(accountId, author, content.photoIds(), content.listingIds());
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
        jdbc.sql("""
                INSERT INTO social.posts (id, author_kind, author_id, account_id, author_name, body, photo_ids,
                    listing_ids, created_at, updated_at)
                VALUES (:id, :kind, :author, :account, :name, :body, :photos, :listings, :now, :now)""")
            .param("id", id)
            .param("kind", author.kind())
            .param("author", author.id())
            .param("account", accountId)
            .param("name", author.name())
            .param("body", content.text())
            .param("photos", content.photoIds().toArray(new UUID[0]))
            .param("listings", content.listingIds().toArray(new UUID[0]))
            .param("now", now)
            .update();
        log.info("Post {} by {} {}", id, author.kind(), author.id());
        return find(id).orElseThrow();
    }

    /** Another account's post is answered as one that does not exist. */
    @Transactional
    public Post edit(UUID accountId, UUID postId, Content changes) {
        Row row = row(postId).filter(found -> found.accountId().equals(accountId))
            .orElseThrow(SocialProblems.PostNotFound::new);
        List<UUID> photos = changes.photoIds() != null ? changes.photoIds() : row.photoIds();
        List<UUID> tagged = changes.listingIds() != null ? changes.listingIds() : row.listingIds();
        check(accountId, row.author(), changes.photoIds() != null ? photos : List.of(),
                changes.listingIds() != null ? tagged : List.of());
        jdbc.sql("""
                UPDATE social.posts SET body = :body, photo_ids = :photos, listing_ids = :listings, updated_at = :now
                WHERE id = :id AND account_id = :account""")
            .param("body", changes.text() != null ? changes.text() : row.text())
            .param("photos", photos.toArray(new UUID[0]))
            .param("listings", tagged.toArray(new UUID[0]))
            .param("now", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)))
            .param("id", postId)
            .param("account", accountId)
            .update();
        return find(postId).orElseThrow();
    }

    @Transactional
    public void delete(UUID accountId, UUID postId) {
        int deleted = jdbc.sql("DELETE FROM social.posts WHERE id = :id AND account_id = :account")
            .param("id", postId)
            .param("account", accountId)
            .update();
        if (deleted == 0) {
            throw new SocialProblems.PostNotFound();
        }
    }

    @Transactional(readOnly = true)
    public Optional<Post> find(UUID postId) {
        return row(postId).map(row -> shown(List.of(row)).get(0));
    }

    private Optional<Row> row(UUID postId) {
        return jdbc.sql(SELECT + " WHERE p.id = :id AND " + AUTHOR_SHOWN)
            .param("id", postId)
            .query(PostBoard::row)
            .optional();
    }

    /**
     * The rows as shown: one catalog query for every tagged listing of them all, each
     * post keeping those published now.
     */
    List<Post> shown(List<Row> rows) {
        Set<UUID> tagged = new LinkedHashSet<>();
        rows.forEach(row -> tagged.addAll(row.listingIds()));
        Map<UUID, Shelved> published = listings.published(tagged);
        Set<UUID> byCreators = new LinkedHashSet<>();
        rows.stream()
            .filter(row -> "CREATOR".equals(row.author().kind()))
            .forEach(row -> byCreators.addAll(row.listingIds()));
        Set<UUID> open = byCreators.isEmpty() ? Set.of() : affiliates.openNow(byCreators).keySet();
        Instant now = clock.instant();
        List<Post> posts = new ArrayList<>(rows.size());
        for (Row row : rows) {
            boolean creator = "CREATOR".equals(row.author().kind());
            List<Tagged> shown = row.listingIds()
                .stream()
                .filter(published::containsKey)
                .map(id -> new Tagged(published.get(id),
                        creator && open.contains(id) ? affiliates.referenceOf(row.author().id(), id, row.postId(), now)
                                : null))
                .toList();
            posts.add(new Post(row.postId(), row.author(), row.text(), row.photoIds(), shown, row.platformAffiliated(),
                    row.likeCount(), row.commentCount(), row.createdAt(), row.updatedAt()));
        }
        return posts;
    }

    /**
     * The caller as an author: a VERIFIED creator or seller (an account has one role).
     */
    private Author author(UUID accountId) {
        Optional<Creator> creator = creators.byAccount(accountId);
        if (creator.isPresent()) {
            if (!creator.get().verified()) {
                throw new SocialProblems.AuthorNotVerified();
            }
            return new Author("CREATOR", creator.get().creatorId(), creator.get().displayName(),
                    creator.get().handle());
        }
        SellerSummary seller = sellers.ofUser(accountId)
            .filter(SellerSummary::verified)
            .orElseThrow(SocialProblems.AuthorNotVerified::new);
        return new Author("SELLER", seller.sellerId(), seller.shopName(), null);
    }

    /**
     * Photos the caller's own (422 PHOTO_NOT_OWNED), tagged listings published now (422
     * LISTING_NOT_TAGGABLE: a draft, a taken-down and an unknown listing alike); a
     * creator's also open to affiliates now (422 LISTING_NOT_AFFILIATE_OPEN).
     */
    private void check(UUID accountId, Author author, List<UUID> photoIds, Collection<UUID> listingIds) {
        if (!photoIds.isEmpty()) {
            media.requireOwnedBy(accountId, photoIds);
        }
        if (!listingIds.isEmpty()) {
            Set<UUID> published = listings.published(listingIds).keySet();
            List<UUID> refused = listingIds.stream().filter(id -> !published.contains(id)).toList();
            if (!refused.isEmpty()) {
                throw new SocialProblems.ListingNotTaggable(refused);
            }
            if ("CREATOR".equals(author.kind())) {
                affiliates.requireOpen(listingIds, published);
            }
        }
    }

    static Row row(ResultSet rs, int index) throws SQLException {
        String kind = rs.getString("author_kind");
        Author author = new Author(kind, rs.getObject("author_id", UUID.class), rs.getString("author_name"),
                "CREATOR".equals(kind) ? rs.getString("handle") : null);
        return new Row(rs.getObject("id", UUID.class), author, rs.getObject("account_id", UUID.class),
                rs.getString("body"), ids(rs.getArray("photo_ids")), ids(rs.getArray("listing_ids")),
                rs.getBoolean("platform_affiliated"), rs.getInt("like_count"), rs.getInt("comment_count"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    static List<UUID> ids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

}

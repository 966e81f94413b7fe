-- GET /api/v1/feed?size=20[&cursor=...]: what FollowGraph.feed (social/.../internal/FollowGraph.java, FEED)
-- and PostBoard.shown send for one page, in the application's read-only transaction: the feed query (with
-- the row comparison after the cursor on a deep page); the catalog's query for the page's tagged listings
-- (CatalogPublishedListings; pgjdbc sends "id IN ($1, ..., $n)", one parameter a listing, which PostgreSQL
-- plans as "id = ANY(ARRAY[$1, ..., $n])": here one array parameter; skipped when the page tags none, as the
-- application skips it); the affiliate plans in force of the listings tagged in creators' posts
-- (AffiliateProgram.openNow, for their affiliate references; skipped when there are none; the moment is the
-- transaction's now() where the application binds its clock's). Copied from the statement log of the running
-- application (log_statement = all) on 2026-12-06 at 1c18262, with FollowGraph.FEED since it joins the
-- creators to the page only. The first statement only picks a walked shopper's page from the bench's table
-- (bench.feed_pages, made by bench/load/feed.py: the follower, the cursor's position, the page's tagged
-- listings); the application has them from the token, the cursor and the page, so it is the one statement
-- pgbench sends that the application does not.
-- Variables: feed_shoppers, limit (feed.vars); deep (feed-first.vars: 0, feed-deep.vars: 1).
\set n random(1, :feed_shoppers)
SELECT follower, at, id AS after_id, tagged, tags, by_creators, creator_tags
FROM bench.feed_pages WHERE n = :n AND deep = (:deep = 1) \gset
BEGIN READ ONLY;
\if :deep
SELECT p.*, c.handle, coalesce(c.platform_affiliated, false) AS platform_affiliated
FROM (
    SELECT p.* FROM social.follows f
    CROSS JOIN LATERAL (
        SELECT * FROM social.posts p
        WHERE p.author_id = f.followee_id AND (p.created_at, p.id) < (:at, :after_id)
        ORDER BY p.created_at DESC, p.id DESC
        LIMIT :limit) p
    WHERE f.follower_id = :follower
      AND NOT EXISTS (SELECT 1 FROM social.creators r WHERE r.id = f.followee_id AND r.status = 'REVOKED')
    ORDER BY p.created_at DESC, p.id DESC
    LIMIT :limit) p
LEFT JOIN social.creators c ON c.id = p.author_id
ORDER BY p.created_at DESC, p.id DESC;
\else
SELECT p.*, c.handle, coalesce(c.platform_affiliated, false) AS platform_affiliated
FROM (
    SELECT p.* FROM social.follows f
    CROSS JOIN LATERAL (
        SELECT * FROM social.posts p
        WHERE p.author_id = f.followee_id
        ORDER BY p.created_at DESC, p.id DESC
        LIMIT :limit) p
    WHERE f.follower_id = :follower
      AND NOT EXISTS (SELECT 1 FROM social.creators r WHERE r.id = f.followee_id AND r.status = 'REVOKED')
    ORDER BY p.created_at DESC, p.id DESC
    LIMIT :limit) p
LEFT JOIN social.creators c ON c.id = p.author_id
ORDER BY p.created_at DESC, p.id DESC;
\endif
\if :tags
SELECT id, seller_id, shop_name, title, price_idr, photo_ids[1] AS cover
FROM catalog.listings WHERE id = ANY(:tagged::uuid[]) AND status = 'PUBLISHED';
\endif
\if :creator_tags
SELECT DISTINCT ON (listing_id) listing_id, commission_percent FROM social.affiliate_plans
WHERE listing_id = ANY(:by_creators::uuid[]) AND effective_at <= now()
ORDER BY listing_id, effective_at DESC;
\endif
COMMIT;

-- GET /api/v1/discover?size=20, the first page: what Discovery.page (social/.../internal/Discovery.java, RANKED)
-- and PostBoard.shown send, in the application's read-only transaction: the ranked window, then the catalog's
-- query for the page's tagged listings (as in feed.sql: one array parameter for pgjdbc's "IN ($1, ..., $n)"), and
-- the affiliate plans of those tagged in creators' posts. Copied from the statement log of the running application
-- on 2026-12-06 at 1c18262; the score as formula version 2026-12-07.2 computes it (56a27fb: in float8). :as_of is the moment of
-- the walk's first page (bench/load/feed.py), where the application sends the moment of each request: the same
-- window of 7 days, minutes apart.
-- Variables (discover.vars): as_of, window_days, first (true), after_score (0), after_id (zeros), limit,
-- discover_tagged, discover_tags, discover_by_creators, discover_creator_tags.
BEGIN READ ONLY;
SELECT * FROM (
    SELECT p.*, c.handle, coalesce(c.platform_affiliated, false) AS platform_affiliated,
           round(((1 + p.like_count + 2 * p.comment_count)::float8
                 / power(extract(epoch FROM (CAST(:as_of AS timestamptz) - p.created_at))::float8 / 3600 + 2,
                         1.5))::numeric, 9) AS score
    FROM social.posts p LEFT JOIN social.creators c ON c.id = p.author_id
    WHERE p.created_at <= CAST(:as_of AS timestamptz)
      AND p.created_at > CAST(:as_of AS timestamptz) - make_interval(days => :window_days)
      AND c.status IS DISTINCT FROM 'REVOKED') ranked
WHERE :first OR score < :after_score OR (score = :after_score AND id > :after_id)
ORDER BY score DESC, id
LIMIT :limit;
\if :discover_tags
SELECT id, seller_id, shop_name, title, price_idr, photo_ids[1] AS cover
FROM catalog.listings WHERE id = ANY(:discover_tagged::uuid[]) AND status = 'PUBLISHED';
\endif
\if :discover_creator_tags
SELECT DISTINCT ON (listing_id) listing_id, commission_percent FROM social.affiliate_plans
WHERE listing_id = ANY(:discover_by_creators::uuid[]) AND effective_at <= now()
ORDER BY listing_id, effective_at DESC;
\endif
COMMIT;

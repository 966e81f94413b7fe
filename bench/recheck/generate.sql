-- Shelf re-check bench data: one verified seller with :listings PUBLISHED listings, each with its
-- v1 PASS in the decision log (a valid chain, as the application would have written it, naming the
-- listing's content hash: the gate refuses a PUBLISHED row otherwise, ADR 0007). One in ten is food
-- without halal data: rule set v2 suspends those.
--   psql -v listings=1000000 -f generate.sql postgresql://postgres@localhost:55440/pasar
\set ON_ERROR_STOP on
\timing on
SET bench.listings = :'listings';

INSERT INTO onboarding.sellers (id, user_id, shop_name, seller_type, annual_revenue_idr, umkm_class, street, regency_code,
    postal_code, document_type, identity_index, identity_ciphertext, masked_identity, status, reasons, rule_set_version,
    decision_id, created_at, updated_at)
VALUES ('00000000-0000-0000-0000-0000000000b1', gen_random_uuid(), 'Toko Bench', 'BUSINESS', 1000000000, 'MICRO',
        'Jl. Bench 1', '32.04', '40000', 'LOCAL_ENTITY', sha256('bench-seller'::bytea), '\x00'::bytea, '**********001',
        'VERIFIED', '{}', 'v1', gen_random_uuid(), now(), now());

CREATE TEMP TABLE bench_listings AS
SELECT gen_random_uuid() AS id, i, gen_random_uuid() AS decision_id FROM generate_series(1, :listings) AS i;

DO $$
DECLARE
    head_sequence bigint;
    head_hash     text;
    entry         text;
    decided       timestamptz := date_trunc('microseconds', now() - interval '60 days');
    row           record;
    content       text;
BEGIN
    SELECT sequence, hash INTO head_sequence, head_hash FROM compliance.decision_log_head FOR UPDATE;
    FOR row IN SELECT id, decision_id, i FROM bench_listings ORDER BY i LOOP
        head_sequence := head_sequence + 1;
        -- the content of the listing inserted below
        content := catalog.listing_content_hash('00000000-0000-0000-0000-0000000000b1',
            CASE WHEN row.i % 10 = 0 THEN 'makanan-ringan' ELSE 'anyaman-rotan' END, '32.04',
            CASE WHEN row.i % 10 = 0 THEN 'MD 224510001234' END, NULL, NULL);
        entry := format('{"sequence":%s,"decisionId":"%s","subjectType":"LISTING_PUBLICATION","subjectId":"%s",'
                        '"subjectVersion":1,"outcome":"PASS","reasons":[],"actor":"system","decidedAt":"%s","ruleSetVersion":"v1",'
                        '"contentHash":"%s"}',
                        head_sequence, row.decision_id, row.id, to_char(decided AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                        content);
        INSERT INTO compliance.decisions (sequence, decision_id, subject_type, subject_id, subject_version, outcome, reasons,
            actor, decided_at, rule_set_version, content_hash, previous_hash, hash)
        VALUES (head_sequence, row.decision_id, 'LISTING_PUBLICATION', row.id, 1, 'PASS', '{}', 'system', decided, 'v1',
                content, head_hash, encode(sha256(convert_to(head_hash || entry, 'UTF8')), 'hex'));
        head_hash := encode(sha256(convert_to(head_hash || entry, 'UTF8')), 'hex');
    END LOOP;
    UPDATE compliance.decision_log_head SET sequence = head_sequence, hash = head_hash;
END $$;

INSERT INTO catalog.listings (id, seller_id, title, description, category_code, price_idr, stock, ship_from_regency_code,
    weight_grams, regulatory_licence, status, version, decision_id, rule_set_version, shop_name, created_at, updated_at,
    published_at, halal_status, halal_certificate_number)
SELECT b.id, '00000000-0000-0000-0000-0000000000b1',
       CASE WHEN b.i % 10 = 0 THEN 'Keripik Singkong ' || b.i ELSE 'Tas Anyaman Rotan ' || b.i END,
       'Buatan tangan pengrajin lokal.',
       CASE WHEN b.i % 10 = 0 THEN 'makanan-ringan' ELSE 'anyaman-rotan' END,
       10000 + b.i % 500000, 100, '32.04', 500,
       CASE WHEN b.i % 10 = 0 THEN 'MD 224510001234' END,
       'PUBLISHED', 1, b.decision_id, 'v1', 'Toko Bench', now() - interval '60 days', now() - interval '60 days',
       now() - interval '60 days' + b.i * interval '1 second', NULL, NULL
FROM bench_listings b;

-- Each listing's one variant (ADR 0023), by the migration's own function, as V12 gives it.
DO $$
DECLARE
    after uuid;
BEGIN
    LOOP
        after := catalog.backfill_listing_variants(after, 10000);
        EXIT WHEN after IS NULL;
    END LOOP;
END
$$;

ANALYZE catalog.listings;
ANALYZE compliance.decisions;
SELECT count(*) AS published FROM catalog.listings WHERE status = 'PUBLISHED';

-- Auditor-report bench data: :sellers sellers and :decisions decisions, written straight into the
-- application's schema (run against a started application's database, as its owner).
-- The decisions form a valid hash chain (same canonical form as the application and
-- docs/auditor-guide.md), so the verification can be measured too.
--   psql -v sellers=100000 -v decisions=1000000 -f generate.sql postgresql://postgres@localhost:54329/pasar
\set ON_ERROR_STOP on
\timing on

-- Sellers: spread over provinces, document types, UMKM classes and statuses like a young marketplace.
INSERT INTO onboarding.sellers (id, user_id, shop_name, seller_type, annual_revenue_idr, umkm_class, street, regency_code,
    postal_code, document_type, identity_index, identity_ciphertext, masked_identity, status, reasons, rule_set_version,
    decision_id, created_at, updated_at)
SELECT gen_random_uuid(), gen_random_uuid(), 'Toko Bench ' || i,
       CASE WHEN i % 5 = 0 THEN 'BUSINESS' ELSE 'INDIVIDUAL' END,
       (i % 97) * 100000000::bigint,
       (ARRAY['MICRO', 'MICRO', 'MICRO', 'SMALL', 'MEDIUM', 'LARGE'])[1 + i % 6],
       'Jl. Bench ' || i, r.code, '40000',
       CASE WHEN i % 5 = 0 THEN 'LOCAL_ENTITY' WHEN i % 7 = 0 THEN 'PASSPORT' ELSE 'KTP' END,
       sha256(('bench-identity-' || i)::bytea), '\x00'::bytea, '******' || lpad((i % 1000)::text, 3, '0'),
       (ARRAY['VERIFIED', 'VERIFIED', 'VERIFIED', 'PENDING_REVIEW', 'REJECTED', 'REVOKED'])[1 + i % 6],
       '{}', 'v2', gen_random_uuid(),
       now() - (i % 400) * interval '1 day', now()
FROM generate_series(1, :sellers) AS i
JOIN LATERAL (SELECT code FROM (VALUES ('32.04'), ('31.71'), ('33.74'), ('35.78'), ('51.71'), ('12.71'), ('73.71'),
                                       ('94.01'), ('11.01'), ('64.72')) v(code) OFFSET (i % 10) LIMIT 1) r ON true;

-- Decisions: appended one by one, as the application does, continuing whatever chain exists.
SET bench.decisions = :'decisions';
DO $$
DECLARE
    head_sequence bigint;
    head_hash     text;
    entry         text;
    kinds  text[] := ARRAY['SELLER_APPLICATION', 'SELLER_REVIEW', 'LISTING_PUBLICATION', 'LISTING_PUBLICATION',
                           'LISTING_PUBLICATION', 'LISTING_SUSPENSION', 'SELLER_REVOCATION'];
    reasons text[] := ARRAY['SELLER_NOT_VERIFIED', 'SHIP_FROM_NOT_DOMESTIC', 'LICENCE_REQUIRED', 'HALAL_CERTIFICATE_REQUIRED',
                            'FOREIGN_NATIONALITY', 'NIK_MISMATCH'];
    kind text; outcome text; why text[]; decided timestamptz; id uuid; subject uuid; version integer;
BEGIN
    SELECT sequence, hash INTO head_sequence, head_hash FROM compliance.decision_log_head FOR UPDATE;
    FOR i IN 1..current_setting('bench.decisions')::integer LOOP
        kind := kinds[1 + i % 7];
        outcome := CASE WHEN i % 3 = 0 THEN 'FAIL' WHEN kind LIKE 'SELLER_APPLICATION' THEN 'REVIEW' ELSE 'PASS' END;
        IF kind IN ('LISTING_SUSPENSION', 'SELLER_REVOCATION') THEN outcome := 'FAIL'; END IF;
        why := CASE WHEN outcome = 'FAIL' THEN ARRAY[reasons[1 + i % 6]] ELSE '{}' END;
        version := CASE WHEN kind LIKE 'LISTING%' THEN 1 ELSE NULL END;
        decided := date_trunc('microseconds', now() - ((1000000 - i) % 400) * interval '1 day' - (i % 86400) * interval '1 second');
        id := gen_random_uuid();
        subject := gen_random_uuid();
        head_sequence := head_sequence + 1;
        entry := format('{"sequence":%s,"decisionId":"%s","subjectType":"%s","subjectId":"%s","subjectVersion":%s,'
                        '"outcome":"%s","reasons":[%s],"actor":"system","decidedAt":"%s","ruleSetVersion":"v2"}',
                        head_sequence, id, kind, subject, coalesce(version::text, 'null'), outcome,
                        coalesce((SELECT string_agg('"' || r || '"', ',') FROM unnest(why) r), ''),
                        to_char(decided AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'));
        INSERT INTO compliance.decisions (sequence, decision_id, subject_type, subject_id, subject_version, outcome, reasons,
            actor, decided_at, rule_set_version, previous_hash, hash)
        VALUES (head_sequence, id, kind, subject, version, outcome, why, 'system', decided, 'v2', head_hash,
                encode(sha256(convert_to(head_hash || entry, 'UTF8')), 'hex'));
        head_hash := encode(sha256(convert_to(head_hash || entry, 'UTF8')), 'hex');
    END LOOP;
    UPDATE compliance.decision_log_head SET sequence = head_sequence, hash = head_hash;
END $$;

ANALYZE onboarding.sellers;
ANALYZE compliance.decisions;
SELECT (SELECT count(*) FROM onboarding.sellers) AS sellers, (SELECT count(*) FROM compliance.decisions) AS decisions;

-- A listing decision names the content it checked: catalog's listings.content_hash, the SHA-256 of the
-- seller, category, ship-from regency, licence and halal data (catalog V9). A PASS then proves one
-- version of one listing *with that content*, and the catalog's gate compares it (ADR 0007,
-- 2026-12-06). Null for every other decision and for listing decisions logged before: the canonical
-- JSON carries contentHash only when it is present, so every existing entry keeps its hash.
ALTER TABLE decisions ADD COLUMN content_hash text CHECK (content_hash ~ '^[0-9a-f]{64}$');

-- The gate's question now: is this decision a PASS for exactly this listing version and this content?
-- A PASS that names no content (logged before this migration) is never one; the catalog's trigger lets
-- a row keep such a PASS only while nothing it checked changes. The three-argument form stays for
-- the shelf report and for those rows.
CREATE FUNCTION is_publication_pass(decision uuid, listing uuid, listing_version integer, content text) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, compliance
AS $$
    SELECT EXISTS (
        SELECT 1 FROM compliance.decisions d
        WHERE d.decision_id = decision
          AND d.subject_id = listing
          AND d.subject_version = listing_version
          AND d.subject_type = 'LISTING_PUBLICATION'
          AND d.outcome = 'PASS'
          AND d.content_hash = content)
$$;

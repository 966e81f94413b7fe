-- The catalog's database gate asks this, rather than reading compliance's table itself: is this
-- decision a PASS for exactly this listing version? SECURITY DEFINER with a fixed search path, so
-- it answers the same whoever calls it.
CREATE FUNCTION is_publication_pass(decision uuid, listing uuid, listing_version integer) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, compliance
AS $$
    SELECT EXISTS (
        SELECT 1 FROM compliance.decisions d
        WHERE d.decision_id = decision
          AND d.subject_id = listing
          AND d.subject_version = listing_version
          AND d.subject_type = 'LISTING_PUBLICATION'
          AND d.outcome = 'PASS')
$$;

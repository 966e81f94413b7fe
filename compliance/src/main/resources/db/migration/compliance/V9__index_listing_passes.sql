-- The PASS decisions of listings in (listing, version, decision) order, with the rule set they
-- passed under: catalog's listings report merges the published shelf with them by index-only scans
-- (catalog V8, docs/performance.md). Only listing PASS rows are in it, so a seller decision costs
-- the log's appends nothing more.
CREATE INDEX decisions_listing_passes ON decisions (subject_id, subject_version, decision_id) INCLUDE (rule_set_version)
    WHERE subject_type = 'LISTING_PUBLICATION' AND outcome = 'PASS';

-- What other modules may read of the log, at the database level: the PASSes of publication
-- checks. The catalog's shelf report anti-joins its published listings against this view to
-- compute "published without a PASS" instead of assuming it is zero.
CREATE VIEW publication_passes AS
    SELECT decision_id, subject_id AS listing_id, subject_version AS listing_version, rule_set_version
    FROM compliance.decisions
    WHERE subject_type = 'LISTING_PUBLICATION' AND outcome = 'PASS';

-- The verification and the auditors' exports read the log in sequence order; reports count by time.
CREATE INDEX decisions_by_type_and_time ON decisions (subject_type, decided_at);

-- The shelf re-check walks the published listings whose PASS is under an older rule set, in id
-- order: this index hands it the next batch directly instead of scanning past the rows already done.
CREATE INDEX listings_published_by_rule_set ON listings (rule_set_version, id) WHERE status = 'PUBLISHED';

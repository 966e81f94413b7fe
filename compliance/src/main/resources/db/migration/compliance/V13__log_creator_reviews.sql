-- Officers review pending creators and revoke verified ones (docs/social.md, "Officer review and
-- revocation"), as they do sellers: each step a decision in the same hash-chained log, under the
-- creators' own subject types, so that sellers' figures never count a creator.
ALTER TABLE decisions DROP CONSTRAINT decisions_subject_type_check;
ALTER TABLE decisions ADD CONSTRAINT decisions_subject_type_check CHECK (subject_type IN ('SELLER_APPLICATION',
    'SELLER_REVIEW', 'SELLER_REVOCATION', 'LISTING_PUBLICATION', 'LISTING_SUSPENSION', 'PLATFORM_AFFILIATE_LIST',
    'CREATOR_APPLICATION', 'CREATOR_REVIEW', 'CREATOR_REVOCATION'));

-- Staff reads of a creator's data are logged as reads of a seller's are: one row per creator
-- read, with creator_id instead of seller_id (exactly one of the two). No row is changed here:
-- adding a column and a check rewrites nothing, so the insert-only triggers are not involved.
ALTER TABLE data_access_log ALTER COLUMN seller_id DROP NOT NULL;
ALTER TABLE data_access_log ADD COLUMN creator_id uuid;
ALTER TABLE data_access_log ADD CONSTRAINT data_access_log_one_subject CHECK (num_nonnulls(seller_id, creator_id) = 1);
CREATE INDEX data_access_log_by_creator ON data_access_log (creator_id, accessed_at, id) WHERE creator_id IS NOT NULL;
